namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>The tests that run real containers go one at a time: they share one engine and a machine's few cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerCollection
{
    public const string Name = "Docker engine";
}

/// <summary>Container definitions the Docker tests register (all on the locally built busybox base).</summary>
public static class DockerContainers
{
    /// <summary>A web server on port 8080 whose page says <paramref name="text"/>; stops on SIGTERM (init process).</summary>
    public static string Web(string text = "hello from the task", string extra = "") =>
        $$"""{"name":"web","image":"{{Support.DockerEngine.BaseImage}}","essential":true,"entryPoint":["/bin/sh","-c"],"command":["mkdir -p /www && echo {{text}} > /www/index.html && exec httpd -f -p 8080 -h /www"],"portMappings":[{"containerPort":8080}],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":5{{extra}}}""";
}
