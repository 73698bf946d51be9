using LiveCommerce.Contracts.Hub;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveCommerce.Silo.Hosting;

/// <summary>OpenTelemetry metrics and traces, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class TelemetryExtensions
{
    /// <summary>The engine's own meter and activity source.</summary>
    public const string SourceName = "LiveCommerce";

    /// <summary>
    /// Adds ASP.NET Core, runtime, Orleans and engine instrumentation. Requests to the hub (<c>/hubs/live</c>) are not
    /// traced: a hub connection is one request that lasts as long as the viewer watches, so its span would say
    /// nothing useful and keep its activity and tags alive for the socket's lifetime; hub connections are measured
    /// by SignalR's own meter (<c>Microsoft.AspNetCore.Http.Connections</c>) instead.
    /// </summary>
    public static WebApplicationBuilder AddLiveTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", "Microsoft.AspNetCore.Http.Connections", SourceName);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(HubMethods.Path))
                    .AddSource("Microsoft.Orleans.Runtime", SourceName);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }
}
