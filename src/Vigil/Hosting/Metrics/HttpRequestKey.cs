namespace Vigil.Hosting.Metrics;

internal readonly record struct HttpRequestKey(string Route, string Method, int Status);
