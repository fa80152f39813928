using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>One request to the registry under <c>/v2/</c>: method, path (with query), headers and body.</summary>
public sealed record RegistryRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body)
{
    public override string ToString()
    {
        var headers = string.Join(", ", Headers.Select(h => $"{h.Name}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}"));
        var body = Body is null ? "no body" : Body.Length > 200 ? $"{Body.Length} bytes" : Encoding.UTF8.GetString(Body);
        return $"{Method} {(Path.Length > 200 ? Path[..200] + "…" : Path)} [{headers}] {body}";
    }

    /// <summary>Sends it with <paramref name="http"/> (which holds no credentials of its own).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http)
    {
        using var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null) message.Content = new ByteArrayContent(Body);
        foreach (var (name, value) in Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return await http.SendAsync(message);
    }
}

/// <summary>What a registry answer must look like: never a 5xx, and every error in the distribution error shape.</summary>
public static class RegistryAnswer
{
    /// <summary>Null when the answer is fine, otherwise what is wrong with it.</summary>
    public static string? Problem(string method, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"a server error ({status})";
        if (status < 400 || method == "HEAD") return null;
        try
        {
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            var first = errors[0];
            if (first.GetProperty("code").GetString() is not { Length: > 0 }) return "an error without a code";
            if (first.GetProperty("message").ValueKind != JsonValueKind.String) return "an error without a message";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return "the error is not in the registry's shape ({\"errors\":[{\"code\",\"message\"}]})";
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count == 0)
            return "a 401 without a WWW-Authenticate challenge";
        return null;
    }
}

/// <summary>
/// Random registry requests against a <see cref="FrozenSimulator"/>: real and made-up repositories, references and
/// uploads, every method, odd headers and bodies, manifests spoiled at random.
/// </summary>
public sealed class RegistryRequests(FrozenSimulator simulator, string password, Random random)
{
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS", "FUZZ"];

    /// <summary>Uploads the registry has started for these requests (real upload ids to aim at).</summary>
    public List<string> Uploads { get; } = [];

    private string Basic(string user, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}"));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The next random request.</summary>
    public RegistryRequest Next()
    {
        var authorized = ("Authorization", Basic("AWS", password));
        var roll = random.NextDouble();
        if (roll < 0.2)
            return new RegistryRequest("PUT", $"/v2/{FrozenSimulator.Repository}/manifests/{Pick(["v1", "fuzz", simulator.Image.ManifestDigest])}",
                [authorized, ("Content-Type", Pick(ContentTypes))], Encoding.UTF8.GetBytes(SpoiledManifest()));
        if (roll < 0.3)
            return new RegistryRequest("POST", $"/v2/{FrozenSimulator.Repository}/blobs/uploads/{(random.Next(2) == 0 ? "" : Query(3))}",
                random.Next(4) == 0 ? [authorized, ("Content-Range", Pick(ContentRanges))] : [authorized], Body("POST"));
        if (roll < 0.45 && Uploads.Count > 0)
        {
            var upload = $"/v2/{FrozenSimulator.Repository}/blobs/uploads/{Pick(Uploads)}";
            List<(string, string)> chunk = random.Next(3) == 0 ? [authorized, ("Content-Range", Pick(ContentRanges))] : [authorized];
            return Pick(["PATCH", "PATCH", "PUT", "GET", "DELETE"]) switch
            {
                "PATCH" => new RegistryRequest("PATCH", upload, chunk, Body("PATCH")),
                "PUT" => new RegistryRequest("PUT", upload + Query(4), chunk, random.Next(2) == 0 ? null : Body("PUT")),
                var other => new RegistryRequest(other, upload, [authorized], null),
            };
        }
        var method = Pick(Methods);
        var path = Path(method);
        var headers = new List<(string, string)>();
        if (random.NextDouble() < 0.9) headers.Add(("Authorization", Authorization()));
        if (random.NextDouble() < 0.4) headers.Add(("Content-Type", Pick(ContentTypes)));
        if (random.NextDouble() < 0.3) headers.Add(("Accept", Pick(ContentTypes)));
        if (random.NextDouble() < 0.2) headers.Add(("Content-Range", Pick(ContentRanges)));
        return new RegistryRequest(method, path, headers, Body(method));
    }

    private string Authorization() => random.Next(30) switch
    {
        0 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password[..^2] + "xx")),
        1 => Basic("root", password),
        2 => "Basic !!!not-base64",
        3 => "Bearer " + password,
        4 => Basic("AWS", ""),
        5 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS")),
        _ => Basic("AWS", password),
    };

    private string Path(string method)
    {
        if (random.NextDouble() < 0.05) return Pick(["/v2", "/v2/", "/v2//", "/v2/_catalog", "/v2/" + PathText()]);
        var name = random.Next(10) switch
        {
            0 => "missing-repo",
            1 => "Bad_Name",
            2 => "a/b/c",
            3 => new string('a', 300),
            4 => PathText(),
            _ => FrozenSimulator.Repository,
        };
        var kind = random.Next(7);
        var path = kind switch
        {
            0 => $"/v2/{name}/tags/list",
            1 => $"/v2/{name}/manifests/{Reference()}",
            2 => $"/v2/{name}/blobs/{Reference()}",
            3 => $"/v2/{name}/blobs/uploads/",
            4 or 5 => $"/v2/{name}/blobs/uploads/{UploadId()}",
            _ => $"/v2/{name}/{PathText()}",
        };
        return path + Query(kind);
    }

    private string Reference() => random.Next(9) switch
    {
        0 => "v1",
        1 => simulator.Image.ManifestDigest,
        2 => simulator.Image.LayerDigest,
        3 => simulator.Image.ConfigDigest,
        4 => "sha256:" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        5 => "sha512:abc",
        6 => "latest",
        7 => new string('t', 200),
        _ => PathText(),
    };

    /// <summary>
    /// Random text for a path or query, escaped. Without NUL and at most 200 characters: Kestrel refuses longer request
    /// lines (414) and escaped NULs (400) itself, before the registry sees the request.
    /// </summary>
    private string PathText()
    {
        var text = BadInputs.RandomText(random).Replace("\0", "", StringComparison.Ordinal);
        return Uri.EscapeDataString(text.Length > 200 ? text[..200] : text);
    }

    private string UploadId() => Uploads.Count > 0 && random.Next(3) > 0 ? Pick(Uploads) : random.Next(2) == 0 ? Guid.NewGuid().ToString() : PathText();

    private string Query(int kind)
    {
        if (random.NextDouble() < 0.4) return "";
        var digest = random.Next(4) switch
        {
            0 => simulator.Image.LayerDigest,
            1 => "sha256:zz",
            2 => TestDigest(Encoding.UTF8.GetBytes("fuzz")),
            _ => PathText(),
        };
        return kind switch
        {
            0 => Pick([$"?n={random.Next(-3, 5)}", "?n=99999999999999", "?n=abc", $"?last={PathText()}", "?n=1&last=v1"]),
            3 => Pick([$"?digest={digest}", $"?mount={digest}&from={FrozenSimulator.Repository}", $"?mount={digest}&from=missing", "?mount=&from=", $"?mount={digest}"]),
            _ => $"?digest={digest}",
        };
    }

    private static string TestDigest(byte[] content) => Support.TestOciLayout.DigestOf(content);

    private static readonly string[] ContentTypes =
    [
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/json", "application/octet-stream", "text/plain; charset=utf-8", "*/*", "garbage", "",
        "application/vnd.docker.distribution.manifest.v1+prettyjws",
    ];

    private static readonly string[] ContentRanges = ["0-", "0-0", "5-2", "-1-3", "abc", "bytes=0-9", "bytes 0-9/10", "0-99999999999999999999", "99999999999999999999-1", ""];

    private byte[]? Body(string method)
    {
        if (method is "GET" or "HEAD" || random.NextDouble() < 0.2) return null;
        return random.Next(6) switch
        {
            0 => [],
            1 => Encoding.UTF8.GetBytes(BadInputs.RandomText(random)),
            2 => simulator.Image.Layer,
            3 => new byte[random.Next(1, 1 << 20)],
            _ => Encoding.UTF8.GetBytes(SpoiledManifest()),
        };
    }

    /// <summary>The pushed image's manifest with one to three random changes (or none, now and then).</summary>
    public string SpoiledManifest()
    {
        var manifest = JsonNode.Parse(simulator.Image.Manifest)!;
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var nodes = new List<(JsonNode Parent, object Key)>();
            Collect(manifest, nodes);
            var (parent, key) = Pick(nodes);
            var value = SpoiledValue();
            if (parent is JsonObject o && key is string k) o[k] = value;
            else if (parent is JsonArray a && key is int i) a[i] = value;
        }
        return manifest.ToJsonString();
    }

    /// <summary>A fixed list of manifests spoiled in the ways a parser is most likely to trip over.</summary>
    public static IEnumerable<(string Description, string Manifest)> SpoiledManifests(byte[] manifest)
    {
        JsonNode Good() => JsonNode.Parse(manifest)!;
        JsonNode With(Action<JsonObject> change)
        {
            var copy = Good().AsObject();
            change(copy);
            return copy;
        }
        var layer = Good()["layers"]![0]!;
        var config = Good()["config"]!;
        yield return ("schemaVersion 2.5", With(m => m["schemaVersion"] = 2.5).ToJsonString());
        yield return ("schemaVersion 1e20", With(m => m["schemaVersion"] = 1e20).ToJsonString());
        yield return ("schemaVersion \"2\"", With(m => m["schemaVersion"] = "2").ToJsonString());
        yield return ("config as an empty list", With(m => m["config"] = new JsonArray()).ToJsonString());
        yield return ("config as a list of two", With(m => m["config"] = new JsonArray(config.DeepClone(), config.DeepClone())).ToJsonString());
        yield return ("config of size 1.5", With(m => m["config"]!["size"] = 1.5).ToJsonString());
        yield return ("config of size 1e30", With(m => m["config"]!["size"] = 1e30).ToJsonString());
        yield return ("layers whose sizes add past a long", With(m =>
        {
            var big = layer.DeepClone();
            big["size"] = long.MaxValue;
            m["layers"] = new JsonArray(big, big.DeepClone());
        }).ToJsonString());
        yield return ("a layer digest that is a number", With(m => m["layers"]![0]!["digest"] = 5).ToJsonString());
        yield return ("a layer that is null", With(m => m["layers"] = new JsonArray((JsonNode?)null)).ToJsonString());
        yield return ("mediaType a number", With(m => m["mediaType"] = 7).ToJsonString());
        yield return ("an index whose manifests are a string", With(m => { m["mediaType"] = "application/vnd.oci.image.index.v1+json"; m["manifests"] = "x"; }).ToJsonString());
        yield return ("an index of a manifest of size 1.5", With(m =>
        {
            m.Remove("config");
            m.Remove("layers");
            m["mediaType"] = "application/vnd.oci.image.index.v1+json";
            m["manifests"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = layer["digest"]!.GetValue<string>(), ["size"] = 1.5 });
        }).ToJsonString());
        yield return ("a manifest nested 10000 deep", new string('[', 10_000) + new string(']', 10_000));
        yield return ("an empty document", "");
        yield return ("null", "null");
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    into.Add((o, key));
                    if (child is not null) Collect(child, into);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    into.Add((a, i));
                    if (a[i] is { } child) Collect(child, into);
                }
                break;
        }
    }

    private JsonNode? SpoiledValue() => random.Next(8) switch
    {
        0 => 1.5,
        1 => long.MaxValue,
        2 => -1,
        3 => 1e30,
        4 => "sha256:" + new string('0', 64),
        5 => new JsonArray(),
        _ => BadInputs.RandomJson(random, 3),
    };
}
