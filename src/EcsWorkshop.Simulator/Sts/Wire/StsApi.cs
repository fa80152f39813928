using System.Xml.Linq;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;

namespace EcsWorkshop.Simulator.Sts.Wire;

/// <summary>
/// AWS STS as a Query service (version <c>2011-06-15</c>, signing name <c>sts</c>), for the one question the workshop's
/// tools ask it: <c>GetCallerIdentity</c>, "which account am I in?". The caller is the account's root user, as for an
/// account's own access keys: its id is the account id and its ARN <c>arn:aws:iam::ACCOUNT:root</c>. It has no state
/// and refuses nothing beyond what the Query edge refuses.
/// </summary>
public static class StsApi
{
    public const string Version = "2011-06-15";
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static AwsQueryService CreateService() => new AwsQueryService("sts", Version, Namespace, QueryDialect.Wrapped)
        .On("GetCallerIdentity", GetCallerIdentity);

    private static IEnumerable<XElement> GetCallerIdentity(RequestContext context, QueryRequest request) =>
    [
        new XElement("UserId", context.AccountId),
        new XElement("Account", context.AccountId),
        new XElement("Arn", $"arn:aws:iam::{context.AccountId}:root"),
    ];
}
