using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// The accounts a server serves, and who is told what happens in them: one account on a single-learner server, one
/// per learner in a classroom (<see cref="ClassroomOptions"/>). The edges find a request's account here from its
/// signature (<see cref="RequestSigning"/>), and tell the classroom's observers every answered call and progress report.
/// </summary>
public sealed class ServedAccounts : IAsyncDisposable
{
    private readonly Dictionary<string, AccountHost> _byId;
    private readonly IReadOnlyList<IClassroomObserver> _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ServedAccounts(IReadOnlyList<AccountHost> accounts, RequestSigning signing, ClassroomOptions? classroom, TimeProvider time, ILogger logger)
    {
        if (accounts.Count == 0) throw new ArgumentException("A server serves at least one account.", nameof(accounts));
        All = accounts;
        Signing = signing;
        Classroom = classroom;
        _byId = accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        _observers = classroom?.Observers ?? [];
        _time = time;
        _logger = logger;
        Learners = [.. accounts.Where(a => a.Learner is not null).Select(a => new LearnerAccount(a.Learner!, a.Simulation))];
    }

    /// <summary>Every account, the roster's order in a classroom.</summary>
    public IReadOnlyList<AccountHost> All { get; }

    /// <summary>The single learner's account (the first learner's in a classroom).</summary>
    public AccountHost Default => All[0];

    /// <summary>The classroom served; null on a single-learner server.</summary>
    public ClassroomOptions? Classroom { get; }

    /// <summary>How the requests' signatures are checked, and whose account they act on.</summary>
    public RequestSigning Signing { get; }

    /// <summary>Every learner of the classroom with their account (empty on a single-learner server).</summary>
    public IReadOnlyList<LearnerAccount> Learners { get; }

    /// <summary>The account with id <paramref name="accountId"/>, or null when the server does not serve it.</summary>
    public AccountHost? Find(string accountId) => _byId.GetValueOrDefault(accountId);

    /// <summary>The account <paramref name="caller"/> acts on (every accepted key signs for a served account).</summary>
    public AccountHost Of(Caller caller) =>
        Find(caller.AccountId) ?? throw AwsErrors.UnrecognizedClient.At();

    /// <summary>
    /// The account a workshop endpoint's request acts on: in a classroom, the signer's (the signature is verified over
    /// the body, which stays readable; <paramref name="signingName"/> is the service the request must be signed for, or
    /// null for any); on a single-learner server, the one account, signed or not.
    /// </summary>
    public async Task<AccountHost> CallerOfAsync(HttpContext http, string? signingName)
    {
        if (Classroom is null) return Default;
        http.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        http.Request.Body.Position = 0;
        return Of(Signing.CallerOf(http.Request, buffer.ToArray(), signingName));
    }

    /// <summary>Whether anyone listens to the answered calls (so the edges skip the bookkeeping otherwise).</summary>
    public bool IsObserved => _observers.Count > 0;

    /// <summary>Tells the observers a call of <paramref name="accountId"/> was answered (nothing when no account is known).</summary>
    public void Answered(string? accountId, string service, string operation, int status, string? errorCode, string? errorMessage)
    {
        if (_observers.Count == 0 || accountId is null) return;
        var call = new AnsweredCall(accountId, service, operation, status, errorCode, errorMessage, _time.GetUtcNow());
        Tell(observer => observer.Answered(call), "an answered call");
    }

    /// <summary>Tells the observers a learner's helper reported progress.</summary>
    public void Reported(ProgressReport report) => Tell(observer => observer.Reported(report), "a progress report");

    /// <summary>Tells every observer something; one observer's failure is logged and never reaches the caller or the others.</summary>
    private void Tell(Action<IClassroomObserver> tell, string what)
    {
        foreach (var observer in _observers)
        {
            try
            {
                tell(observer);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "An observer of the classroom failed on {What}.", what);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var account in All) await account.DisposeAsync().ConfigureAwait(false);
    }
}
