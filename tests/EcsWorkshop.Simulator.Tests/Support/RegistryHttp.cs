using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// Raw HTTP against the simulator: ECR JSON calls (to get a password) and registry requests. ECR calls carry a SigV4
/// credential scope for the tests' region (the simulator reads the region from it; signatures are not checked).
/// </summary>
public sealed class RegistryHttp(Uri endpoint) : IDisposable
{
    public HttpClient Client { get; } = new() { BaseAddress = endpoint };

    /// <summary>Calls an ECR API operation and returns its JSON.</summary>
    public async Task<JsonElement> EcrAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        message.Headers.Add("X-Amz-Target", $"AmazonEC2ContainerRegistry_V20150921.{operation}");
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAWORKSHOPEXAMPLE/20261129/{SimulatedWorld.Region}/ecr/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0");
        using var response = await Client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The registry password, as <c>aws ecr get-login-password</c> would print it.</summary>
    public async Task<string> PasswordAsync()
    {
        var token = (await EcrAsync("GetAuthorizationToken", new { })).GetProperty("authorizationData")[0].GetProperty("authorizationToken").GetString()!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(token))["AWS:".Length..];
    }

    /// <summary>Sends authenticated registry requests from now on.</summary>
    public void UsePassword(string password) =>
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)));

    /// <summary>The registry error code of a response (<c>errors[0].code</c>).</summary>
    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }

    /// <summary>Pushes a blob in one PATCH and a PUT; returns the final response.</summary>
    public async Task<HttpResponseMessage> PushBlobAsync(string repository, byte[] content, string digest)
    {
        var start = await Client.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        var patch = await Client.PatchAsync(location, new ByteArrayContent(content));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, patch.StatusCode);
        return await Client.PutAsync($"{patch.Headers.Location}?digest={digest}", null);
    }

    public void Dispose() => Client.Dispose();
}
