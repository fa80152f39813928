using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// What the registry answered one <c>/v2/</c> request, for a classroom's observers: the ECR action the request
/// stands for (<see cref="RegistryActions"/>), whether its password was valid, and the refusal (null when it succeeded).
/// </summary>
public sealed record RegistryAnswer(string Action, string Method, bool Authenticated, RegistryError? Refusal)
{
    /// <summary>
    /// Whether the host's dashboard is told of this answer. Told: every answer to a push (<see cref="RegistryActions.IsPush"/>:
    /// a few requests per new layer and one per image, the learner's own act), and every other refusal (a pull of an
    /// unknown tag, a missing repository). Not told: a request without a valid password (docker's first request always
    /// gets 401 before it logs in, and an unchecked password must not name another learner's account), a <c>HEAD</c>
    /// (a push asks "is this layer already there?" for every layer, and 404 is the expected answer), the ping
    /// <c>GET /v2/</c>, and a successful pull (every task start pulls its image; that is the tasks' activity, not the
    /// learner's).
    /// </summary>
    public bool IsTold =>
        Authenticated && !HttpMethods.IsHead(Method) && Action != RegistryActions.Ping &&
        (Refusal is not null || RegistryActions.IsPush(Action));
}
