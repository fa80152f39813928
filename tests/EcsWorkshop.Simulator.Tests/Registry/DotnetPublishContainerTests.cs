using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Registry;

/// <summary>The .NET SDK's own container publishing pushes an app image to the simulated ECR.</summary>
public sealed class DotnetPublishContainerTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task Dotnet_publish_container_pushes_an_app_image_on_a_base_from_the_simulated_ecr()
    {
        var registryHost = $"localhost:{simulator.Server.Endpoint.Port}";
        (await simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", "base")).Succeeded();
        (await simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", "hello-app")).Succeeded();
        var password = (await simulator.Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        var baseImage = TestOciLayout.Create("base image");
        (await ExternalTool.RunAsync("/usr/bin/skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{baseImage.Directory}:v1", $"docker://{registryHost}/base:1"])).Succeeded();
        var project = Directory.CreateTempSubdirectory("ecs-workshop-publish-").FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "hello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ContainerRepository>hello-app</ContainerRepository>
                <ContainerImageTag>1.0</ContainerImageTag>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"hello from the simulated ECR\");");

        var publish = await ExternalTool.RunAsync("dotnet",
            ["publish", Path.Combine(project, "hello.csproj"), "-t:PublishContainer", "-r", "linux-x64", "--self-contained", "false",
             $"-p:ContainerRegistry={registryHost}", $"-p:ContainerBaseImage={registryHost}/base:1"],
            environment: new Dictionary<string, string>
            {
                ["DOTNET_CONTAINER_REGISTRY_UNAME"] = "AWS",
                ["DOTNET_CONTAINER_REGISTRY_PWORD"] = password,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            });

        Assert.True(publish.ExitCode == 0, publish.StandardOutput + publish.StandardError);
        var image = (await simulator.Cli.RunAsync("ecr", "describe-images", "--repository-name", "hello-app")).Succeeded().Json.GetProperty("imageDetails")[0];
        Assert.Equal("1.0", image.GetProperty("imageTags")[0].GetString());
        var inspect = (await ExternalTool.RunAsync("/usr/bin/skopeo", ["inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{registryHost}/hello-app:1.0"])).Succeeded().Json;
        Assert.Equal(2, inspect.GetProperty("Layers").GetArrayLength());
        Assert.Equal(baseImage.LayerDigest, inspect.GetProperty("Layers")[0].GetString());
    }
}
