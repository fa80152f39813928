using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>Clients registering one family at the same time get every revision exactly once: none twice, none skipped.</summary>
public sealed class ConcurrentRevisionTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const int Clients = 8;
    private const int RegistrationsEach = 8;

    [Fact(Timeout = 60_000)]
    public async Task Parallel_registrations_of_one_family_number_their_revisions_1_to_N_without_gaps_or_duplicates()
    {
        var registrations = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = new AwsJsonClient(simulator.Server.Endpoint);
            var revisions = new List<int>();
            for (var i = 0; i < RegistrationsEach; i++)
            {
                var answer = await http.EcsAsync("RegisterTaskDefinition", new
                {
                    family = "contended",
                    containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", memory = 128, command = new[] { $"client-{client}-{i}" } } },
                });
                revisions.Add(answer["taskDefinition"]!["revision"]!.GetValue<int>());
            }
            return revisions;
        })).ToList();

        var revisions = (await Task.WhenAll(registrations)).SelectMany(r => r).Order().ToList();
        using var reader = new AwsJsonClient(simulator.Server.Endpoint);
        var listed = (await reader.EcsAsync("ListTaskDefinitions", new { familyPrefix = "contended" }))["taskDefinitionArns"]!.AsArray()
            .Select(a => int.Parse(a!.GetValue<string>().Split(':')[^1])).Order().ToList();

        var expected = Enumerable.Range(1, Clients * RegistrationsEach).ToList();
        Assert.Equal(expected, revisions);
        Assert.Equal(expected, listed);
    }
}
