using System.Net;
using System.Text;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecr.Registry;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// The registry refuses every request without a valid password, whatever it addresses: every kind of registry path,
/// every method, every way of not having the password. 401 with a Basic challenge, UNAUTHORIZED, nothing changed.
/// </summary>
public sealed class RegistryAuthenticationTests(FrozenSimulator simulator) : IClassFixture<FrozenSimulator>
{
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "POST", "PATCH", "DELETE"];

    private string UploadsDirectory => Path.Combine(simulator.StateDirectory, "registry", "uploads");

    /// <summary>A path of each kind the registry serves; a kind added to <see cref="RegistryPath.Kind"/> must be added here.</summary>
    private async Task<string> PathOfAsync(RegistryPath.Kind kind, RegistryHttp authorized) => kind switch
    {
        RegistryPath.Kind.Base => "/v2/",
        RegistryPath.Kind.Tags => $"/v2/{FrozenSimulator.Repository}/tags/list",
        RegistryPath.Kind.Manifest => $"/v2/{FrozenSimulator.Repository}/manifests/v1",
        RegistryPath.Kind.Blob => $"/v2/{FrozenSimulator.Repository}/blobs/{simulator.Image.LayerDigest}",
        RegistryPath.Kind.Uploads => $"/v2/{FrozenSimulator.Repository}/blobs/uploads/",
        RegistryPath.Kind.Upload => (await authorized.Client.PostAsync($"/v2/{FrozenSimulator.Repository}/blobs/uploads/", null)).Headers.Location!.ToString(),
        _ => throw new InvalidOperationException($"No sample path for the registry path kind {kind}: add one."),
    };

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    private IEnumerable<(string Description, string? Authorization)> WithoutValidPassword(string password) =>
    [
        ("no Authorization header", null),
        ("a Bearer token", "Bearer " + password),
        ("a Basic user other than AWS", Basic("admin:" + password)),
        ("an empty password", Basic("AWS:")),
        ("no password at all", Basic("AWS")),
        ("a password with its signature changed", Basic("AWS:" + password[..^4] + "AAAA")),
        ("a password signed with another key", Basic("AWS:" + new RegistryTokens(new byte[32], simulator.Clock).Issue("ap-northeast-1").Password)),
        ("Basic credentials that are not base64", "Basic %%%"),
        ("an AWS SigV4 signature", "AWS4-HMAC-SHA256 Credential=AKIAWORKSHOPEXAMPLE/20261129/ap-northeast-1/ecr/aws4_request, SignedHeaders=host, Signature=00"),
    ];

    [Fact(Timeout = 60_000)]
    public async Task Every_kind_of_registry_path_refuses_every_method_without_a_valid_password()
    {
        using var authorized = new RegistryHttp(simulator.Server.Endpoint);
        var password = await authorized.PasswordAsync();
        authorized.UsePassword(password);
        var failures = new List<string>();

        foreach (var kind in Enum.GetValues<RegistryPath.Kind>())
        {
            var path = await PathOfAsync(kind, authorized);
            Assert.Equal(kind, RegistryPath.Parse(path.Split('?')[0])!.Target);
            foreach (var method in Methods)
                foreach (var (description, authorization) in WithoutValidPassword(password))
                {
                    var problem = await RefusedAsync(method, path, authorization);
                    if (problem is not null) failures.Add($"{method} {path} with {description}: {problem}");
                }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_password_past_its_12_hours_is_refused_everywhere()
    {
        using var authorized = new RegistryHttp(simulator.Server.Endpoint);
        var expired = await authorized.PasswordAsync();
        simulator.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        authorized.UsePassword(await authorized.PasswordAsync());
        var failures = new List<string>();

        foreach (var kind in Enum.GetValues<RegistryPath.Kind>())
        {
            var path = await PathOfAsync(kind, authorized);
            foreach (var method in Methods)
                if (await RefusedAsync(method, path, Basic("AWS:" + expired)) is { } problem)
                    failures.Add($"{method} {path}: {problem}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Null when the request is refused as it must be and nothing changed; otherwise what went wrong.</summary>
    private async Task<string?> RefusedAsync(string method, string path, string? authorization)
    {
        var before = simulator.Snapshot();
        var uploadsBefore = Directory.GetFiles(UploadsDirectory).Order().ToList();
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST" or "PATCH") request.Content = new ByteArrayContent(simulator.Image.Manifest);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        if (response.StatusCode != HttpStatusCode.Unauthorized) return $"answered {(int)response.StatusCode} {body}";
        if (RegistryAnswer.Problem(method, response, body) is { } problem) return problem;
        if (method != "HEAD" && !body.Contains("\"UNAUTHORIZED\"", StringComparison.Ordinal)) return $"not UNAUTHORIZED: {body}";
        if (response.Headers.WwwAuthenticate.SingleOrDefault()?.Scheme != "Basic") return "no Basic challenge";
        // Only the registry's own state: moving the frozen clock on (the expiry test) lets the scheduler tick once.
        if (!ReferenceEquals(before.Ecr, simulator.Snapshot().Ecr)) return "the ECR world changed";
        return Directory.GetFiles(UploadsDirectory).Order().SequenceEqual(uploadsBefore) ? null : "the uploads changed";
    }
}
