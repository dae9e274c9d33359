using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenAI;
using Vigil.Domain.Actions;
using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Ai;

namespace Vigil.Hosting;

internal static class AiHosting
{
    /// <summary>
    /// The recommender with what this deployment configured: the AI analyst when <c>Vigil:Ai</c> names an endpoint and a
    /// model, the learned disposition model when one has been trained. Read when first resolved, so configuration
    /// added after registration counts.
    /// </summary>
    public static IServiceCollection AddConfiguredRecommender(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var options = provider.GetRequiredService<IConfiguration>().GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
            var catalogue = provider.GetRequiredService<ActionCatalogue>();
            return new Recommender(
                provider.GetRequiredService<BuiltInAnalyst>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<IDispositionModel>(),
                options.Enabled ? new LlmAnalyst(ChatClient(options, provider.GetService<ILoggerFactory>()), options.Model!, catalogue) : null);
        }));
        return services;
    }

    /// <summary>The OpenAI .NET client pointed at the configured endpoint, as a Microsoft.Extensions.AI chat client.</summary>
    public static IChatClient ChatClient(AiOptions options, ILoggerFactory? loggers = null)
    {
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint!),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                // One try: a slow model must not hold the recommend job for minutes; the job itself retries with back-off.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        var chat = client.GetChatClient(options.Model).AsIChatClient();
        // Calls are logged through the host's loggers (prompts and answers only at Trace, which is off by default).
        return loggers is null ? chat : new ChatClientBuilder(chat).UseLogging(loggers).Build();
    }
}
