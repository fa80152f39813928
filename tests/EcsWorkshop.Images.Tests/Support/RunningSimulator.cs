using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>
/// The workshop simulator on a free loopback port with its own state directory, and the ECR calls a learner makes
/// before a push (CreateRepository, GetAuthorizationToken) over its real JSON API. xunit class fixture.
/// </summary>
public sealed class RunningSimulator : IAsyncLifetime
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("images-simulator-").FullName;
    private readonly HttpClient _http = new();

    public SimulatorServer Server { get; private set; } = null!;

    /// <summary>The registry host of repository URIs, <c>localhost:PORT</c>.</summary>
    public string Registry => $"localhost:{Server.Endpoint.Port}";

    public async Task InitializeAsync() =>
        Server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = _stateDirectory });

    /// <summary>Calls an ECR operation and returns the response JSON; the call must succeed.</summary>
    public async Task<JsonElement> EcrAsync(string operation, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.Endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body ?? new { })),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", $"AmazonEC2ContainerRegistry_V20150921.{operation}");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation} failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates a repository and returns its URI (<c>localhost:PORT/NAME</c>).</summary>
    public async Task<string> CreateRepositoryAsync(string name) =>
        (await EcrAsync("CreateRepository", new { repositoryName = name })).GetProperty("repository").GetProperty("repositoryUri").GetString()!;

    /// <summary>The registry credentials from GetAuthorizationToken (user AWS).</summary>
    public async Task<RegistryCredentials> CredentialsAsync()
    {
        var token = (await EcrAsync("GetAuthorizationToken")).GetProperty("authorizationData")[0].GetProperty("authorizationToken").GetString()!;
        return RegistryCredentials.FromEcrAuthorizationToken(token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
