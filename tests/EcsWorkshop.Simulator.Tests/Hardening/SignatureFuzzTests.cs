using System.Text;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A verifying simulator against seeded random Authorization, X-Amz-Date, Date and X-Amz-Content-Sha256 headers
/// (pieces of real ones, spoiled): every answer is a 400 in AWS's shape, and nothing changes.
/// </summary>
public sealed class SignatureFuzzTests(VerifyingSimulator simulator) : IClassFixture<VerifyingSimulator>
{
    private const int Requests = 300;

    private static readonly string[] Algorithms = ["AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", "AWS", "Basic", "", "aws4-hmac-sha256"];
    private static readonly string[] Dates = ["20261129T090000Z", "20261129", "2026-11-29T09:00:00Z", "99991231T235959Z", "00010101T000000Z", "", "garbage", "20261329T250000Z"];

    [Fact(Timeout = 60_000)]
    public async Task Random_authorization_headers_are_refused_in_AWS_shape_and_change_nothing()
    {
        var random = new Random(BadInputRunner.Seed);
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };
        var failures = new List<string>();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string Text() => string.Concat(BadInputs.RandomText(random).Where(c => c is >= ' ' and <= '~')); // what a header may carry

        for (var i = 0; i < Requests; i++)
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
            var credential = random.Next(6) switch
            {
                0 => $"{SignatureVerification.WorkshopAccessKeyId}/{now[..8]}/ap-northeast-1/ecs/aws4_request",
                1 => $"{SignatureVerification.WorkshopAccessKeyId}/{now[..8]}/ap-northeast-1/ecr/aws4_request",
                2 => $"{SignatureVerification.WorkshopAccessKeyId}/{Text()}",
                3 => $"{SignatureVerification.WorkshopAccessKeyId}//////",
                4 => Text(),
                _ => $"AKIAOTHER/{now[..8]}/ap-northeast-1/ecs/aws4_request",
            };
            var parts = new List<string>();
            if (random.Next(5) > 0) parts.Add($"Credential={credential}");
            if (random.Next(5) > 0) parts.Add($"SignedHeaders={Pick(["host;x-amz-date;x-amz-target", "content-type;host;x-amz-date;x-amz-target", "x-amz-date", "", ";;;", Text()])}");
            if (random.Next(5) > 0) parts.Add($"Signature={Pick([new string('0', 64), "", Text()])}");
            var authorization = $"{Pick(Algorithms)} {string.Join(Pick([", ", ",", " ", ",,"]), parts)}";

            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{\"clusterName\":\"fuzzed-signature\"}", Encoding.UTF8) };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateCluster");
            if (random.Next(6) > 0) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (random.Next(4) > 0) request.Headers.TryAddWithoutValidation("X-Amz-Date", random.Next(3) == 0 ? now : Pick(Dates));
            if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation("Date", Pick(["Sun, 29 Nov 2026 09:00:00 GMT", "yesterday", "Fri, 31 Dec 9999 23:59:59 GMT", Text()]));
            if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", Pick(["UNSIGNED-PAYLOAD", new string('a', 64), Text()]));
            if (random.Next(8) == 0) request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", Text());

            var before = simulator.Server.Engine.World;
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var problem = AwsAnswer.Problem(response, body)
                ?? ((int)response.StatusCode == 200 ? "accepted" : null)
                ?? (ReferenceEquals(before, simulator.Server.Engine.World) ? null : "the world changed");
            if (problem is not null) failures.Add($"#{i} Authorization: {authorization}: {problem} ({(int)response.StatusCode} {body})");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers (seed {BadInputRunner.Seed}):\n" + string.Join("\n", failures.Take(10)));
    }
}
