using System.Text.Json;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// The workshop control that interrupts a Fargate Spot task, as AWS does when it needs the capacity back:
/// <c>POST /_workshop/spot-interruption</c> with <c>{"cluster":"C","task":"ARN or id"}</c> (and <c>"region"</c> when
/// neither is an ARN; the default region otherwise) answers the task as ECS
/// describes it (desired STOPPED, stop code <c>SpotInterruption</c>), or an error in ECS's JSON shape.
/// </summary>
public static class SpotInterruptionControl
{
    /// <summary>Where the control listens.</summary>
    public const string Path = "/_workshop/spot-interruption";

    /// <summary>The body of the request; <see cref="Region"/> only matters when neither the task nor the cluster is an ARN.</summary>
    private sealed record InterruptionBody(string? Cluster, string? Task, string? Region);

    /// <summary>Maps the control.</summary>
    public static void MapSpotInterruption(this WebApplication app) => app.MapPost(Path, InterruptAsync);

    private static async Task<IResult> InterruptAsync(HttpContext http, ServedAccounts accounts)
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
        var engine = account.Simulation.Ecs;
        InterruptionBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<InterruptionBody>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Error(EcsErrors.SpotInterruptionBodyUnreadable.With(e.Message));
        }
        if (body is null) return Error(EcsErrors.SpotInterruptionBodyUnreadable.With("The body must be a JSON object."));
        try
        {
            var region = body.Task is { } t && Arn.TryParse(t, out var taskArn) ? taskArn.Region
                : body.Cluster is { } c && Arn.TryParse(c, out var namedCluster) ? namedCluster.Region
                : body.Region ?? RequestContext.DefaultRegion;
            var arns = new EcsArns(region, account.AccountId);
            var clusterArn = arns.ClusterArnFor(body.Cluster);
            var task = engine.Mutate(tx => SpotInterruptions.Interrupt(tx, arns, clusterArn, body.Task));
            return Results.Json(new
            {
                clusterArn = task.ClusterArn,
                taskArn = task.Arn,
                capacityProviderName = task.CapacityProviderName,
                lastStatus = EcsWireNames.TaskStatuses.NameOf(task.LastStatus),
                desiredStatus = EcsWireNames.TaskStatuses.NameOf(task.DesiredStatus),
                stopCode = task.StopCode is { } code ? EcsWireNames.StopCodes.NameOf(code) : null,
                stoppedReason = task.StoppedReason,
                stoppingAt = task.StoppingAt,
            });
        }
        catch (DomainError e)
        {
            return Error(e);
        }
    }

    private static IResult Error(DomainError e) =>
        Results.Json(new Dictionary<string, string> { ["__type"] = e.Code, ["message"] = e.Message }, statusCode: (int)e.Error.Status);
}
