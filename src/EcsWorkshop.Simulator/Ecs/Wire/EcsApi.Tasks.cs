using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Ecs.Wire.Writers;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddTaskOperations(AwsJsonService service) => service
        .On<RunTaskRequest, RunTaskResponse>("RunTask", RunTask)
        .On<StopTaskRequest, StopTaskResponse>("StopTask", StopTask)
        .On<DescribeTasksRequest, DescribeTasksResponse>("DescribeTasks", DescribeTasks)
        .WritesAnswer<DescribeTasksResponse>(DescribeTasksAnswerWriter.Write)
        .On<ListTasksRequest, ListTasksResponse>("ListTasks", ListTasks)
        .WritesAnswer<ListTasksResponse>(ListTasksAnswerWriter.Write);

    private RunTaskResponse RunTask(RequestContext context, RunTaskRequest request, JsonElement body)
    {
        var arns = ArnsFor(context);
        var command = EcsMapper.ToDomain(request, arns) with { OverridesLength = SentRequest.LengthOf(body, "overrides") };
        var result = engine.Mutate(tx => TaskCommands.Run(tx, arns, command));
        return new()
        {
            Tasks = [.. result.Tasks.Select(t => EcsMapper.ToShape(t))],
            Failures = [.. result.Failures.Select(reason => new FailureShape { Reason = reason })],
        };
    }

    private StopTaskResponse StopTask(RequestContext context, StopTaskRequest request)
    {
        var arns = ArnsFor(context);
        var clusterArn = arns.ClusterArnFor(request.Cluster);
        var task = engine.Mutate(tx => TaskCommands.Stop(tx, arns, clusterArn, request.Task, request.Reason));
        return new() { Task = EcsMapper.ToShape(task) };
    }

    private DescribeTasksResponse DescribeTasks(RequestContext context, DescribeTasksRequest request)
    {
        var arns = ArnsFor(context);
        var include = EcsMapper.ToTaskFields(request.Include);
        var lookups = TaskQueries.Describe(engine.World, arns, arns.ClusterArnFor(request.Cluster), request.Tasks ?? []);
        var response = new DescribeTasksResponse();
        foreach (var lookup in lookups)
        {
            if (lookup.Task is { } task) response.Tasks.Add(EcsMapper.ToShape(task, include.Contains("TAGS")));
            else response.Failures.Add(EcsMapper.MissingTask(lookup));
        }
        return response;
    }

    private ListTasksResponse ListTasks(RequestContext context, ListTasksRequest request)
    {
        var arns = ArnsFor(context);
        var query = EcsMapper.ToDomain(request, arns);
        var (page, next) = Paging.Page(TaskQueries.List(engine.World, arns, query), request.NextToken, request.MaxResults, defaultMax: 100);
        return new() { TaskArns = [.. page], NextToken = next };
    }
}
