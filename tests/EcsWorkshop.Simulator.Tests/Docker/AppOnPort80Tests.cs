using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// An app that listens on every address at port 80, as a normal web server does, shares its task's namespace with
/// the metadata server (169.254.170.2:51679) without a clash: it answers at its loopback URL and reads its own
/// metadata from inside.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class AppOnPort80Tests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    /// <summary>httpd on 0.0.0.0:80 whose CGI page is the task's ARN, read from the metadata endpoint at each request.</summary>
    private static string WebOnPort80() =>
        $$$"""{"name":"web","image":"{{{DockerEngine.BaseImage}}}","essential":true,"entryPoint":["/bin/sh","-c"],"command":["mkdir -p /www/cgi-bin && printf '#!/bin/sh\\necho Content-Type: text/plain\\necho\\nwget -qO- $ECS_CONTAINER_METADATA_URI_V4/task\\n' > /www/cgi-bin/index.cgi && chmod +x /www/cgi-bin/index.cgi && exec httpd -f -p 0.0.0.0:80 -h /www"],"portMappings":[{"containerPort":80}],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":5}""";

    [Fact]
    public async Task An_app_listening_on_all_addresses_at_port_80_answers_at_its_loopback_url_with_metadata_read_from_inside()
    {
        await _simulator.RegisterAsync("port80", WebOnPort80());
        var arn = await _simulator.RunTaskAsync("port80");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

        var endpoint = Assert.Single(await _simulator.EndpointsAsync());
        Assert.Equal(80, endpoint.GetProperty("containerPort").GetInt32());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await http.GetStringAsync(endpoint.GetProperty("url").GetString() + "/cgi-bin/index.cgi");

        var task = JsonDocument.Parse(page).RootElement;
        Assert.Equal(arn, task.GetProperty("TaskARN").GetString());
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
