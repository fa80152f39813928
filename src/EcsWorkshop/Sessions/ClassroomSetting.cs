using EcsWorkshop.Aws;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Sessions;

/// <summary>
/// The classroom a learner's lessons join, from the two lines of their connection card
/// (<see cref="ClassroomConnection.EndpointVariable"/> and <see cref="ClassroomConnection.CredentialsVariable"/>), and
/// what joining shows them.
/// </summary>
public static class ClassroomSetting
{
    /// <summary>The room the variables name, or null when the learner is not in one; a malformed line is a Japanese <see cref="WorkshopStartException"/>.</summary>
    public static ClassroomConnection? Read(Func<string, string?> environment)
    {
        try
        {
            return ClassroomConnection.Read(environment);
        }
        catch (FormatException e)
        {
            throw new WorkshopStartException(e.Message + " 設定し直したら、カーネル (またはアプリ) を起動し直してください。", e);
        }
    }

    /// <summary>
    /// The learner's account id, as the room answers it: STS <c>GetCallerIdentity</c>, as on AWS. The call also proves
    /// the room knows the learner's keys: an unknown key is AWS's <c>UnrecognizedClientException</c>, a wrong secret
    /// <c>InvalidSignatureException</c>.
    /// </summary>
    public static async Task<string> FindAccountAsync(AwsClients aws, CancellationToken cancellationToken = default)
    {
        var caller = await aws.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        return caller.Account is { Length: > 0 } account ? account : "(不明)";
    }

    /// <summary>What joining prints: the room and the learner's account, never the secret access key.</summary>
    public static string Summary(ClassroomConnection room, string account) =>
        $"教室のシミュレーター {room.EndpointText} に接続しました。あなたのアカウント ID は {account} (アクセスキー ID {room.AccessKeyId}) です。"
        + "作るリソースはこのアカウントの中だけにあり、ほかの参加者からは見えません。レッスンの進み具合とセルフチェックの結果は、この教室のシミュレーターにだけ送られ、主催者の画面に表示されます。";
}
