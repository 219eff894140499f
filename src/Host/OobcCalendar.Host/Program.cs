using OobcCalendar.Host.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddOobcLogging(builder.Environment);
builder.Services.AddOobcServices(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseOobcPipeline();
await app.RunAsync();

/// <summary>Entry point; partial so WebApplicationFactory can reach it.</summary>
public partial class Program;
