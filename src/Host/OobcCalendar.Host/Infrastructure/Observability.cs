using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>Health checks, OpenTelemetry traces and metrics, and structured logs in one place.</summary>
internal static class Observability
{
    public static IServiceCollection AddOobcObservability(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: ["ready"]);
        var otel = services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddNpgsql().AddSource("Quartz"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Npgsql"));
        // Exported only where a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT); otherwise collected and dropped.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        }

        return services;
    }

    public static ILoggingBuilder AddOobcLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.ClearProviders();
        // JSON lines outside development: one structured record per event, ready for any log shipper.
        if (environment.IsDevelopment())
        {
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        return logging;
    }
}
