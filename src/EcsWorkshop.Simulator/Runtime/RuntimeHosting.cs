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

    /// <summary>Registers the runtime (and, for Docker, runs it with the server).</summary>
    public static IServiceCollection AddContainerRuntime(
        this IServiceCollection services, SelectedRuntime selected, SimulatorOptions options, StateStore store,
        EcsEngine engine, EcrEngine ecr, LogsEngine logs, RegistryAddress registry)
    {
        if (selected is not { Kind: ContainerRuntimeKind.Docker, Client: { } client, Endpoint: { } endpoint })
        {
            services.AddSingleton<IContainerRuntime>(SimulatedRuntime.Instance);
            return services;
        }
        var stateLabel = store.Directory is { } directory ? Path.GetFullPath(directory) : $"in-memory:{Environment.ProcessId}-{Guid.NewGuid():N}";
        var metadataRoot = store.Directory is { } stateDirectory
            ? Path.Combine(stateDirectory, "task-metadata")
            : Directory.CreateTempSubdirectory("ecs-workshop-metadata-").FullName;
        services.AddSingleton(sp => new DockerTaskRuntime(client, endpoint, engine, ecr, logs, registry,
            new DockerRuntimeSettings(stateLabel, metadataRoot, options.KeepContainers, options.TickInterval),
            sp.GetRequiredService<ILogger<DockerTaskRuntime>>()));
        services.AddSingleton<IContainerRuntime>(sp => sp.GetRequiredService<DockerTaskRuntime>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DockerTaskRuntime>());
        return services;
    }

    /// <summary>Maps the runtime's workshop endpoints.</summary>
    public static void MapRuntimeEndpoints(this WebApplication app)
    {
        app.MapGet(EndpointsPath, (IContainerRuntime runtime, IServiceProvider services) => Results.Json(runtime.Endpoints().Select(e => (object)new
        {
            cluster = e.Cluster,
            taskArn = e.TaskArn,
            containerName = e.ContainerName,
            containerPort = e.ContainerPort,
            url = e.Url,
        }).Concat((services.GetService<ListenerProxies>()?.Endpoints() ?? []).Select(l => (object)new
        {
            loadBalancerName = l.LoadBalancerName,
            listenerArn = l.ListenerArn,
            port = l.Port,
            url = l.Url,
        }))));
        app.MapPost(ExecPath, ExecAsync);
    }

    /// <summary>The body of <c>POST /_workshop/exec</c>.</summary>
    private sealed record ExecBody(string? Cluster, string? Task, string? Container, string? Command, string? Region);

    private static async Task<IResult> ExecAsync(HttpContext http, EcsEngine engine, IContainerRuntime runtime)
    {
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
            var arns = new EcsArns(region, SimulatedAccount.Id);
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

    private static IResult Error(DomainError e) =>
        Results.Json(new Dictionary<string, string> { ["__type"] = e.Code, ["message"] = e.Message }, statusCode: (int)e.Error.Status);
}
