using System.Text.Json;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Hosting;

/// <summary>
/// <c>POST /_workshop/load</c> with <c>{"cluster":"C","service":"S","cpuPercent":N,"memoryPercent":M}</c>: puts load on a
/// service of the simulated runtime (see <see cref="ServiceLoadCommands"/>). Refusals come in AWS's JSON error shape.
/// </summary>
public static class WorkshopLoadEndpoint
{
    public const string Path = "/_workshop/load";

    /// <summary>The body: which service, and the utilization its tasks show from now on. <c>region</c> defaults to us-east-1.</summary>
    private sealed record LoadBody(string? Cluster, string? Service, double? CpuPercent, double? MemoryPercent, string? Region);

    public static void MapWorkshopLoad(this WebApplication app) => app.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, ServedAccounts accounts)
    {
        AccountHost account;
        try
        {
            account = await accounts.CallerOfAsync(http, signingName: null).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Runtime.RuntimeHosting.Error(e);
        }
        var engine = account.Simulation.AutoScaling;
        try
        {
            LoadBody? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<LoadBody>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw AutoScalingErrors.LoadBodyUnreadable.With(e.Message);
            }
            if (body is null) throw AutoScalingErrors.LoadBodyUnreadable.With("The body must be a JSON object.");
            if (!engine.UsesSimulatedLoad) throw AutoScalingErrors.LoadNeedsSimulatedRuntime.With();
            var ecs = engine.Ecs.World;
            var load = engine.Mutate(tx => ServiceLoadCommands.Set(tx, ecs,
                new SetServiceLoadCommand(body.Region ?? RequestContext.DefaultRegion, body.Cluster, body.Service, body.CpuPercent, body.MemoryPercent, account.AccountId)));
            var service = ecs.Services[load.ServiceArn];
            var running = ServiceCounts.Of(ecs, service).Total.Running;
            return Results.Json(new
            {
                serviceArn = load.ServiceArn,
                runningCount = running,
                cpuPercent = Percent(load.CpuWork, running),
                memoryPercent = Percent(load.MemoryWork, running),
            });
        }
        catch (DomainError e)
        {
            return Results.Json(new Dictionary<string, string> { ["__type"] = e.Code, ["message"] = e.Message }, statusCode: (int)e.Error.Status);
        }
    }

    private static double? Percent(double? work, int running) => work is { } w
        ? Math.Round(Math.Min(100, w * 100 / Math.Max(1, running)), 2)
        : null;
}
