using EcsWorkshop.Simulator.Elbv2.DataPlane;
using EcsWorkshop.Facts.Simulator;
using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Logs.Domain;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Simulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Runtime;

/// <summary>Plugs the selected runtime into the server, and its workshop endpoints: <c>/_workshop/endpoints</c> and <c>/_workshop/exec</c>.</summary>
public static class RuntimeHosting
{
    /// <summary>Lists every running task's published ports.</summary>
    public const string EndpointsPath = "/_workshop/endpoints";

    /// <summary>Runs a command in a task's container (ECS Exec).</summary>
    public const string ExecPath = "/_workshop/exec";

    /// <summary>
    /// The server's one loop against the Docker engine (<see cref="DockerEngineLoop"/>: every account's runtime and
    /// container stats), or null when the tasks are simulated.
    /// </summary>
    public static DockerEngineLoop? CreateEngineLoop(SelectedRuntime selected, SimulatorOptions options, ILoggerFactory loggers) =>
        selected is { Kind: ContainerRuntimeKind.Docker, Client: { } client }
            ? new DockerEngineLoop(client, options.TickInterval, loggers.CreateLogger<DockerEngineLoop>())
            : null;

    /// <summary>
    /// The Docker runtime of one account (run by the server's <paramref name="loop"/>), or null when the tasks are
    /// simulated. Its containers carry the account's state folder as their label (a fresh one when the state lives in
    /// memory), so each account adopts, hears of and removes only its own.
    /// </summary>
    public static DockerTaskRuntime? CreateDockerRuntime(
        SelectedRuntime selected, DockerEngineLoop? loop, SimulatorOptions options, StateStore store, Simulation simulation, ILoggerFactory loggers)
    {
        if (loop is null || selected is not { Kind: ContainerRuntimeKind.Docker, Client: { } client, Endpoint: { } endpoint }) return null;
        var stateLabel = store.Directory is { } directory ? Path.GetFullPath(directory) : $"in-memory:{Environment.ProcessId}-{Guid.NewGuid():N}";
        var metadataRoot = store.Directory is { } stateDirectory
            ? Path.Combine(stateDirectory, "task-metadata")
            : Directory.CreateTempSubdirectory("ecs-workshop-metadata-").FullName;
        var runtime = new DockerTaskRuntime(client, endpoint, simulation.Ecs, simulation.Ecr, simulation.Logs, simulation.Setup.Registry,
            new DockerRuntimeSettings(stateLabel, metadataRoot, options.KeepContainers, options.TickInterval) { Published = PublishedAddress.For(options.Host) },
            loggers.CreateLogger<DockerTaskRuntime>());
        loop.Add(runtime);
        return runtime;
    }

    /// <summary>Maps the runtime's workshop endpoints.</summary>
    public static void MapRuntimeEndpoints(this WebApplication app)
    {
        app.MapGet(EndpointsPath, EndpointsAsync);
        app.MapPost(ExecPath, ExecAsync);
    }

    /// <summary>The running tasks' published ports and the listeners of the caller's account.</summary>
    private static async Task<IResult> EndpointsAsync(HttpContext http, ServedAccounts accounts)
    {
        AccountHost account;
        try
        {
            account = await accounts.CallerOfAsync(http, signingName: null).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Error(e);
        }
        return Results.Json(account.Runtime.Endpoints().Select(e => (object)new
        {
            cluster = e.Cluster,
            taskArn = e.TaskArn,
            containerName = e.ContainerName,
            containerPort = e.ContainerPort,
            url = e.Url,
        }).Concat(account.Listeners.Endpoints().Select(l => (object)new
        {
            loadBalancerName = l.LoadBalancerName,
            listenerArn = l.ListenerArn,
            port = l.Port,
            url = l.Url,
        })));
    }

    /// <summary>The body of <c>POST /_workshop/exec</c>.</summary>
    private sealed record ExecBody(string? Cluster, string? Task, string? Container, string? Command, string? Region);

    private static async Task<IResult> ExecAsync(HttpContext http, ServedAccounts accounts)
    {
        AccountHost account;
        try
        {
            account = await accounts.CallerOfAsync(http, signingName: null).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Error(e);
        }
        var (engine, runtime) = (account.Simulation.Ecs, account.Runtime);
        ExecBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ExecBody>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Error(EcsErrors.ExecBodyUnreadable.With(e.Message));
        }
        if (body is null) return Error(EcsErrors.ExecBodyUnreadable.With("The body must be a JSON object."));
        try
        {
            var region = body.Task is { } t && t.StartsWith("arn:", StringComparison.Ordinal) ? EcsArns.Of(t).Region : body.Region ?? RequestContext.DefaultRegion;
            var arns = new EcsArns(region, account.AccountId);
            var (task, container) = TaskExecRules.Require(engine.World, arns, arns.ClusterArnFor(body.Cluster), body.Task, body.Container, body.Command);
            IReadOnlyList<string> command;
            try
            {
                command = ExecCommandLine.Split(body.Command!);
            }
            catch (FormatException e)
            {
                throw EcsErrors.ExecCommandUnreadable.With(e.Message);
            }
            var result = await runtime.ExecAsync(task, container, command, http.RequestAborted).ConfigureAwait(false);
            return Results.Json(new
            {
                clusterArn = task.ClusterArn,
                taskArn = task.Arn,
                containerName = container.Name,
                output = result.Output,
                error = result.Error,
                exitCode = result.ExitCode,
            });
        }
        catch (DomainError e)
        {
            return Error(e);
        }
        catch (ExecUnavailableException e)
        {
            return Error(EcsErrors.ExecTargetNotConnected.With(e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(EcsErrors.ExecTargetNotConnected.With($"The execute command failed due to an internal error. Try again later. ({e.Message})"));
        }
    }

    /// <summary>A refused signature, in the JSON edge's shape.</summary>
    internal static IResult Error(AwsServiceException e) =>
        Results.Json(new Dictionary<string, string> { ["__type"] = e.Error.Code, ["message"] = e.Message }, statusCode: (int)e.Error.Status);

    private static IResult Error(DomainError e) =>
        Results.Json(new Dictionary<string, string> { ["__type"] = e.Code, ["message"] = e.Message }, statusCode: (int)e.Error.Status);
}
