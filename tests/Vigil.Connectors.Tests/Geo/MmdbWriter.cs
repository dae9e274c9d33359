using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Vigil.Connectors.Tests.Geo;

/// <summary>
/// Writes a MaxMind DB (format version 2.0) from scratch, so geo tests read a real database file without a committed
/// binary: an IPv6 binary search tree with 32-bit records (IPv4 networks under ::/96, where readers look for them),
/// the 16-byte data-section separator, the data section, and the metadata after the "\xAB\xCD\xEFMaxMind.com" marker.
/// </summary>
internal sealed class MmdbWriter
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];

    private readonly Node _root = new();
    private readonly List<object> _data = [];

    public MmdbWriter Insert(string cidr, Dictionary<string, object> data)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var length = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = address.GetAddressBytes();
        if (bytes.Length == 4)
        {
            bytes = [.. new byte[12], .. bytes];
            length += 96;
        }

        _data.Add(data);
        var leaf = new Leaf(_data.Count - 1);
        var node = _root;
        for (var bit = 0; bit < length; bit++)
        {
            var right = (bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;
            if (bit == length - 1)
            {
                node.Set(right, leaf);
                break;
            }

            if (node.Get(right) is not Node next)
            {
                next = new Node();
                node.Set(right, next);
            }

            node = next;
        }

        return this;
    }

    public byte[] Build(string databaseType)
    {
        var nodes = new List<Node>();
        var queue = new Queue<Node>([_root]);
        while (queue.TryDequeue(out var node))
        {
            node.Number = nodes.Count;
            nodes.Add(node);
            foreach (var child in new[] { node.Left, node.Right })
            {
                if (child is Node inner)
                {
                    queue.Enqueue(inner);
                }
            }
        }

        var data = new MemoryStream();
        var offsets = new int[_data.Count];
        for (var i = 0; i < _data.Count; i++)
        {
            offsets[i] = (int)data.Length;
            Encode(data, _data[i]);
        }

        var file = new MemoryStream();
        var record = new byte[4];
        foreach (var node in nodes)
        {
            foreach (var child in new[] { node.Left, node.Right })
            {
                var value = child switch
                {
                    Node inner => (uint)inner.Number,
                    Leaf leaf => (uint)(nodes.Count + 16 + offsets[leaf.Index]),
                    _ => (uint)nodes.Count,
                };
                BinaryPrimitives.WriteUInt32BigEndian(record, value);
                file.Write(record);
            }
        }

        file.Write(new byte[16]);
        data.WriteTo(file);
        file.Write(MetadataMarker);
        Encode(file, new Dictionary<string, object>
        {
            ["node_count"] = (uint)nodes.Count,
            ["record_size"] = (ushort)32,
            ["ip_version"] = (ushort)6,
            ["database_type"] = databaseType,
            ["languages"] = new object[] { "en" },
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["description"] = new Dictionary<string, object> { ["en"] = "Vigil test database" },
        });
        return file.ToArray();
    }

    /// <summary>The data section's types (spec section "Output Data Section"): pointer-free, each value written in place.</summary>
    private static void Encode(Stream output, object value)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(output, 2, utf8.Length);
                output.Write(utf8);
                break;
            case double real:
                Control(output, 3, 8);
                Span<byte> eight = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(eight, real);
                output.Write(eight);
                break;
            case ushort small:
                Unsigned(output, 5, small);
                break;
            case uint medium:
                Unsigned(output, 6, medium);
                break;
            case int number:
                Unsigned(output, 6, (ulong)number);
                break;
            case ulong large:
                Unsigned(output, 9, large);
                break;
            case bool flag:
                Control(output, 14, flag ? 1 : 0);
                break;
            case Dictionary<string, object> map:
                Control(output, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    Encode(output, key);
                    Encode(output, item);
                }

                break;
            case object[] array:
                Control(output, 11, array.Length);
                foreach (var item in array)
                {
                    Encode(output, item);
                }

                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType().Name}", nameof(value));
        }
    }

    private static void Unsigned(Stream output, int type, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        var start = 0;
        while (start < 8 && bytes[start] == 0)
        {
            start++;
        }

        Control(output, type, 8 - start);
        output.Write(bytes[start..]);
    }

    /// <summary>Type in the top three bits (extended types: 0, then type − 7 in the next byte), size in the low five.</summary>
    private static void Control(Stream output, int type, int size)
    {
        var (sizeBits, extra) = size switch
        {
            < 29 => (size, Array.Empty<byte>()),
            < 285 => (29, [(byte)(size - 29)]),
            < 65821 => (30, [(byte)((size - 285) >> 8), (byte)(size - 285)]),
            _ => (31, new[] { (byte)((size - 65821) >> 16), (byte)((size - 65821) >> 8), (byte)(size - 65821) }),
        };
        if (type <= 7)
        {
            output.WriteByte((byte)((type << 5) | sizeBits));
        }
        else
        {
            output.WriteByte((byte)sizeBits);
            output.WriteByte((byte)(type - 7));
        }

        output.Write(extra);
    }

    private sealed class Node
    {
        public object? Left { get; private set; }

        public object? Right { get; private set; }

        public int Number { get; set; }

        public object? Get(bool right) => right ? Right : Left;

        public void Set(bool right, object child)
        {
            if (right)
            {
                Right = child;
            }
            else
            {
                Left = child;
            }
        }
    }

    private sealed record Leaf(int Index);
}
