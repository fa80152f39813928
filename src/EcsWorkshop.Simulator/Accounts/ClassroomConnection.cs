namespace EcsWorkshop.Simulator.Accounts;

/// <summary>
/// How a learner's lessons join a classroom: the two environment variables on their connection card, set before a
/// notebook kernel, a file-based app or <c>workshop run</c> starts. <see cref="EndpointVariable"/> names the room's
/// simulator (the same variable <c>workshop run</c> sets for its own), <see cref="CredentialsVariable"/> the learner's
/// access key pair from the roster (<c>ACCESS_KEY_ID:SECRET_ACCESS_KEY</c>); with the second one set, the helper signs
/// with that pair and reports progress to the room. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed record ClassroomConnection(Uri Endpoint, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>The room's simulator (<c>http://HOST:4566</c>).</summary>
    public const string EndpointVariable = "ECS_WORKSHOP_ENDPOINT";

    /// <summary>The learner's access key pair, <c>ACCESS_KEY_ID:SECRET_ACCESS_KEY</c>.</summary>
    public const string CredentialsVariable = "ECS_WORKSHOP_CREDENTIALS";

    /// <summary>A learner's connection to the room at <paramref name="endpoint"/>.</summary>
    public static ClassroomConnection For(Learner learner, Uri endpoint) => new(endpoint, learner.AccessKeyId, learner.SecretAccessKey);

    /// <summary>The value of <see cref="CredentialsVariable"/>.</summary>
    public string Credentials => $"{AccessKeyId}:{SecretAccessKey}";

    /// <summary>The room's URL without a trailing slash, as the card prints it.</summary>
    public string EndpointText => Endpoint.ToString().TrimEnd('/');

    /// <summary>The two variables, name and value, in the card's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables =>
        [new(EndpointVariable, EndpointText), new(CredentialsVariable, Credentials)];

    /// <summary>
    /// The connection the variables describe, or null when <see cref="CredentialsVariable"/> is not set (no
    /// classroom). A malformed value is a <see cref="FormatException"/> with a Japanese message naming the variable.
    /// </summary>
    public static ClassroomConnection? Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(CredentialsVariable) is not { } credentials || string.IsNullOrWhiteSpace(credentials)) return null;
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var keyId = colon < 0 ? "" : credentials[..colon].Trim();
        var secret = colon < 0 ? "" : credentials[(colon + 1)..].Trim();
        if (keyId.Length == 0 || secret.Length == 0)
            throw new FormatException(
                $"環境変数 {CredentialsVariable} は「アクセスキー ID:シークレットアクセスキー」の形で指定します (接続カードの 2 行目をそのまま貼り付けてください)。");
        if (environment(EndpointVariable) is not { } endpointText || string.IsNullOrWhiteSpace(endpointText))
            throw new FormatException(
                $"環境変数 {CredentialsVariable} はありますが、教室のシミュレーターのアドレス {EndpointVariable} がありません。接続カードの 1 行目も設定してください。");
        if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new FormatException(
                $"環境変数 {EndpointVariable} の値 `{endpointText}` は URL として読めません。接続カードのとおり `http://ホスト名:4566` の形にしてください。");
        return new ClassroomConnection(endpoint, keyId, secret);
    }

    /// <summary>Names the room and the access key id only: the secret never ends up in a log.</summary>
    public override string ToString() => $"ClassroomConnection {{ Endpoint = {EndpointText}, AccessKeyId = {AccessKeyId} }}";
}
