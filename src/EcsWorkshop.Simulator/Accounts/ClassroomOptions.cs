using Microsoft.AspNetCore.Routing;

namespace EcsWorkshop.Simulator.Accounts;

/// <summary>
/// How a server serves a classroom (<c>workshop serve --classroom ROSTER</c>): every learner of <see cref="Roster"/> in
/// an account of their own, signatures verified and mandatory, the host's pages guarded by <see cref="HostToken"/>.
/// </summary>
public sealed record ClassroomOptions(Roster Roster, string HostToken)
{
    /// <summary>Told of every answered call and progress report (the dashboard's activity log).</summary>
    public IReadOnlyList<IClassroomObserver> Observers { get; init; } = [];

    /// <summary>
    /// Endpoints the host's tools add (the dashboard under <c>/_workshop/classroom</c>), mapped when the server starts,
    /// with the learners' accounts to read from.
    /// </summary>
    public Action<IEndpointRouteBuilder, IReadOnlyList<LearnerAccount>>? MapHostEndpoints { get; init; }
}
