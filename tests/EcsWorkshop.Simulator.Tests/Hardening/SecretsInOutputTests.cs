using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A run of <c>workshop serve --verify-signatures</c> that sees good and bad signatures, registry logins with the
/// right and wrong passwords, and tasks writing logs: neither the secret access key nor a registry password appears
/// in what the server prints or in any file it keeps.
/// </summary>
public sealed class SecretsInOutputTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-secrets-").FullName;

    [Fact(Timeout = 120_000)]
    public async Task Neither_the_secret_key_nor_a_registry_password_is_printed_or_stored()
    {
        const string keyId = "AKIAFROMENVIRONMENT";
        var secret = "secret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var server = WorkshopProcess.Start(
            new Dictionary<string, string> { ["WORKSHOP_ACCESS_KEY_ID"] = keyId, ["WORKSHOP_SECRET_ACCESS_KEY"] = secret },
            "serve", "--verify-signatures", "--port", "0", "--state-dir", _stateDirectory, "--speed", "20", "--runtime", "simulated");
        var endpoint = await server.WaitForEndpointAsync();
        var cli = new AwsCli(endpoint, accessKeyId: keyId, secretAccessKey: secret);

        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "secrets")).Succeeded();
        (await cli.RunAsync("logs", "create-log-group", "--log-group-name", "/ecs/secrets")).Succeeded();
        (await cli.RunAsync("ecs", "register-task-definition", "--family", "secrets", "--requires-compatibilities", "FARGATE",
            "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512", "--execution-role-arn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            "--container-definitions", "[{\"name\":\"web\",\"image\":\"public.ecr.aws/nginx/nginx:latest\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/secrets\",\"awslogs-region\":\"ap-northeast-1\",\"awslogs-stream-prefix\":\"ecs\"}}}]")).Succeeded();
        (await cli.RunAsync("ecs", "run-task", "--cluster", "secrets", "--task-definition", "secrets", "--launch-type", "FARGATE",
            "--network-configuration", "awsvpcConfiguration={subnets=[subnet-abcd1234]}")).Succeeded();
        (await cli.RunAsync("ecr", "create-repository", "--repository-name", "secrets")).Succeeded();
        var password = (await cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        await new AwsCli(endpoint).FailsAsync("UnrecognizedClientException", "ecs", "list-clusters");
        await new AwsCli(endpoint, accessKeyId: keyId, secretAccessKey: secret + "x").FailsAsync("InvalidSignatureException", "ecs", "list-clusters");
        using (var registry = new RegistryHttp(endpoint))
        {
            registry.UsePassword(password);
            Assert.Equal(HttpStatusCode.OK, (await registry.Client.GetAsync("/v2/secrets/tags/list")).StatusCode);
            registry.UsePassword(password + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await registry.Client.GetAsync("/v2/secrets/tags/list")).StatusCode);
        }
        await Task.Delay(1500); // the task runs and its container writes to the log group
        server.KillHard();

        var secrets = new[] { secret, password, Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)) };
        Assert.Contains($"access key id {keyId}", server.Printed);
        Assert.All(secrets, s => Assert.DoesNotContain(s, server.Printed));
        foreach (var file in Directory.EnumerateFiles(_stateDirectory, "*", SearchOption.AllDirectories))
        {
            var content = File.ReadAllBytes(file);
            Assert.All(secrets, s => Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) < 0, $"{file} holds a secret"));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
