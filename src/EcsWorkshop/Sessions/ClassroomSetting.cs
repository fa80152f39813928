using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
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
    /// The learner's account id, as the room answers it: the account in the ARN of the default cluster (or of the
    /// <c>MISSING</c> failure for it). The call also proves the room knows the learner's keys: an unknown key is AWS's
    /// <c>UnrecognizedClientException</c>, a wrong secret <c>InvalidSignatureException</c>.
    /// </summary>
    public static async Task<string> FindAccountAsync(AwsClients aws, CancellationToken cancellationToken = default)
    {
        var answer = await aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [Workshop.DefaultCluster] }, cancellationToken).ConfigureAwait(false);
        var arn = answer.Clusters?.FirstOrDefault()?.ClusterArn ?? answer.Failures?.FirstOrDefault()?.Arn;
        return arn?.Split(':') is { Length: >= 6 } parts && parts[4].Length == 12 ? parts[4] : "(不明)";
    }

    /// <summary>What joining prints: the room and the learner's account, never the secret access key.</summary>
    public static string Summary(ClassroomConnection room, string account) =>
        $"教室のシミュレーター {room.EndpointText} に接続しました。あなたのアカウント ID は {account} (アクセスキー ID {room.AccessKeyId}) です。"
        + "作るリソースはこのアカウントの中だけにあり、ほかの受講者からは見えません。レッスンの進み具合とセルフチェックの結果は、この教室のシミュレーターにだけ送られ、講師の画面に表示されます。";
}
