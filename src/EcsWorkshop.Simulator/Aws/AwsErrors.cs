using System.Net;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// Every error the JSON 1.1 edge answers with whatever the service: routing, parsing, signatures and the
/// unexpected fault. They are thrown at the edge as <see cref="AwsServiceException"/>; the domain never sees them.
/// </summary>
public static class AwsErrors
{
    private const string Incomplete = "IncompleteSignatureException";
    private const string BadSignature = "InvalidSignatureException";

    /// <summary>Every edge error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(AwsErrors));

    // ---- routing and parsing ----
    public static readonly ServiceError MissingTarget = new("aws.missing-target", "UnknownOperationException", "Missing X-Amz-Target header.");
    public static readonly ServiceError UnknownOperation = new("aws.unknown-operation", "UnknownOperationException", "Operation {target} is not supported.")
        { Examples = ["AmazonEC2ContainerServiceV20141113.Nothing"] };
    public static readonly ServiceError BodyNotJson = new("aws.body-not-json", "SerializationException", "The request body is not valid JSON.");
    public static readonly ServiceError BodyNotStructure = new("aws.body-not-structure", "SerializationException", "Start of structure or map found where not expected.");
    public static readonly ServiceError UnexpectedValueType = new("aws.unexpected-value-type", "SerializationException", "Unexpected value type.");
    public static readonly ServiceError UnexpectedValueTypeAt = new("aws.unexpected-value-type-at", "SerializationException", "Unexpected value type at '{member}'.")
        { Examples = ["desiredCount"] };
    public static readonly ServiceError UnexpectedValue = new("aws.unexpected-value", "SerializationException", "Unexpected value in the request body.");
    public static readonly ServiceError UnexpectedNull = new("aws.unexpected-null", "SerializationException", "Unexpected null value at '{member}'.")
        { Examples = ["tags[0]"] };

    // ---- signatures ----
    public static readonly ServiceError MissingAuthenticationToken = new("aws.missing-authentication-token", "MissingAuthenticationTokenException",
        "Request is missing Authentication Token");
    public static readonly ServiceError AuthorizationIncomplete = new("aws.authorization-incomplete", Incomplete, "{problems}")
        { Examples = ["Authorization header requires 'Signature' parameter."] };
    public static readonly ServiceError CredentialShape = new("aws.credential-shape", Incomplete,
        "Authorization header's 'Credential' must be ACCESS-KEY-ID/DATE/REGION/SERVICE/aws4_request.");
    public static readonly ServiceError CredentialTerminator = new("aws.credential-terminator", Incomplete,
        "Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ") { Examples = ["aws5_request"] };
    public static readonly ServiceError HostNotSigned = new("aws.host-not-signed", Incomplete,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    public static readonly ServiceError DateFormat = new("aws.date-format", Incomplete,
        "Date must be in ISO-8601 'basic format'. Got '{date}'. See http://en.wikipedia.org/wiki/ISO_8601") { Examples = ["2026-12-06"] };
    public static readonly ServiceError UnrecognizedClient = new("aws.unrecognized-client", "UnrecognizedClientException",
        "The security token included in the request is invalid.");
    public static readonly ServiceError SignatureMismatch = new("aws.signature-mismatch", BadSignature,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    public static readonly ServiceError ScopeDateMismatch = new("aws.scope-date-mismatch", BadSignature,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{requestDay}', from '{requestDate}'.")
        { Examples = ["20261205", "20261206", "20261206T000000Z"] };
    public static readonly ServiceError SignatureExpired = new("aws.signature-expired", BadSignature,
        "Signature expired: {signedAt} is now earlier than {earliest} ({now} - {minutes} min.)")
        { Examples = ["20261206T000000Z", "20261206T010000Z", "20261206T011500Z", "15"] };
    public static readonly ServiceError SignatureNotYetCurrent = new("aws.signature-not-yet-current", BadSignature,
        "Signature not yet current: {signedAt} is still later than {latest} ({now} + {minutes} min.)")
        { Examples = ["20261206T020000Z", "20261206T011500Z", "20261206T010000Z", "15"] };
    public static readonly ServiceError WrongServiceScope = new("aws.wrong-service-scope", BadSignature,
        "Credential should be scoped to correct service: '{service}'. ") { Examples = ["ecs"] };

    // ---- the workshop's progress reports (POST /_workshop/progress) ----
    public static readonly ServiceError ProgressBodyUnreadable = new("aws.progress-body-unreadable", "SerializationException", "{problem}")
        { Examples = ["The body must be a JSON object."] };
    public static readonly ServiceError ProgressLessonMissing = new("aws.progress-lesson-missing", "ValidationException",
        "The progress report needs 'lesson': the lesson that is open, for example 06-service.");

    // ---- faults ----
    public static readonly ServiceError Server = new("aws.server", "ServerException", HttpStatusCode.InternalServerError,
        "Service Unavailable. Please try again later.");

    /// <summary>The edge exception for <paramref name="error"/> with its holes filled.</summary>
    public static AwsServiceException At(this ServiceError error, params object?[] values) => new(error, error.Format(values));

    /// <summary>An unknown (or missing) <c>X-Amz-Target</c>.</summary>
    public static AwsServiceException UnknownTarget(string? target) =>
        target is null or "" ? MissingTarget.At() : UnknownOperation.At(target);
}
