using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>Inside the task: the metadata endpoint v4 and task role credentials at 169.254.170.2:51679, reached through ECS Exec.</summary>
[Collection(DockerCollection.Name)]
public sealed class TaskMetadataAndExecTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    private async Task<string> RunWebAsync(bool exec)
    {
        await _simulator.RegisterAsync("meta", DockerContainers.Web(), ""","taskRoleArn":"arn:aws:iam::123456789012:role/sample-app" """);
        var arn = exec ? await _simulator.RunTaskAsync("meta", "--enable-execute-command") : await _simulator.RunTaskAsync("meta");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");
        return arn;
    }

    [Fact]
    public async Task The_metadata_endpoint_answers_the_task_arn_from_inside_the_container()
    {
        var arn = await RunWebAsync(exec: true);

        var (status, body) = await _simulator.ExecAsync(arn, "sh -c 'wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task'");

        Assert.True(status == 200, body.ToString());
        Assert.Equal(0, body.GetProperty("exitCode").GetInt64());
        var task = JsonDocument.Parse(body.GetProperty("output").GetString()!).RootElement;
        Assert.Equal(arn, task.GetProperty("TaskARN").GetString());
        Assert.Equal("meta", task.GetProperty("Family").GetString());
        Assert.Equal("RUNNING", task.GetProperty("KnownStatus").GetString());
        Assert.Equal("web", task.GetProperty("Containers")[0].GetProperty("Name").GetString());
    }

    [Fact]
    public async Task The_container_metadata_and_task_role_credentials_are_served_inside_the_task()
    {
        var arn = await RunWebAsync(exec: true);

        var (_, container) = await _simulator.ExecAsync(arn, "sh -c 'wget -qO- $ECS_CONTAINER_METADATA_URI_V4'");
        var (_, credentials) = await _simulator.ExecAsync(arn, "sh -c 'wget -qO- $AWS_CONTAINER_CREDENTIALS_FULL_URI'");

        var document = JsonDocument.Parse(container.GetProperty("output").GetString()!).RootElement;
        Assert.Equal("web", document.GetProperty("Name").GetString());
        Assert.Equal("awsvpc", document.GetProperty("Networks")[0].GetProperty("NetworkMode").GetString());
        var creds = JsonDocument.Parse(credentials.GetProperty("output").GetString()!).RootElement;
        Assert.Equal("arn:aws:iam::123456789012:role/sample-app", creds.GetProperty("RoleArn").GetString());
        Assert.StartsWith("ASIA", creds.GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task The_variables_name_the_endpoint_on_port_51679_and_credentials_by_full_uri_only()
    {
        var arn = await RunWebAsync(exec: true);

        var (_, env) = await _simulator.ExecAsync(arn, "env");

        var variables = env.GetProperty("output").GetString()!.Split('\n');
        Assert.Contains(variables, v => v.StartsWith("ECS_CONTAINER_METADATA_URI_V4=http://169.254.170.2:51679/v4/", StringComparison.Ordinal));
        Assert.Contains(variables, v => v.StartsWith("AWS_CONTAINER_CREDENTIALS_FULL_URI=http://169.254.170.2:51679/v2/credentials/", StringComparison.Ordinal));
        Assert.DoesNotContain(variables, v => v.StartsWith("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exec_answers_the_command_s_output_and_exit_code()
    {
        var arn = await RunWebAsync(exec: true);

        var (status, body) = await _simulator.ExecAsync(arn, "sh -c 'echo out; exit 4'", container: "web");

        Assert.Equal(200, status);
        Assert.Equal("out\n", body.GetProperty("output").GetString());
        Assert.Equal(4, body.GetProperty("exitCode").GetInt64());
    }

    [Fact]
    public async Task Exec_is_refused_with_ECS_s_message_when_the_task_was_run_without_it()
    {
        var arn = await RunWebAsync(exec: false);

        var (status, body) = await _simulator.ExecAsync(arn, "cat /etc/hostname");

        Assert.Equal(400, status);
        Assert.Equal("InvalidParameterException", body.GetProperty("__type").GetString());
        Assert.Equal(TaskExecRules.NotEnabledMessage, body.GetProperty("message").GetString());
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
