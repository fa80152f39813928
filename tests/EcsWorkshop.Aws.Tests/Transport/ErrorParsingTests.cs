using System.Net;
using EcsWorkshop.Aws.Ec2;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Iam;
using EcsWorkshop.Aws.Tests.Support;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Tests.Transport;

public sealed class ErrorParsingTests
{
    private static async Task<AwsServiceException> EcsErrorFrom(ScriptedResponse answer)
    {
        using var server = new ScriptedHttpServer(answer);
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint) with { Retry = AwsRetryPolicy.None });
        return await Assert.ThrowsAsync<AwsServiceException>(() => ecs.DescribeClustersAsync(new DescribeClustersRequest()));
    }

    [Fact]
    public async Task The_code_and_message_come_from_the_body_with_the_namespace_dropped()
    {
        var error = await EcsErrorFrom(ScriptedResponse.Json(400,
            """{"__type":"com.amazonaws.ecs.v20141113#ClusterNotFoundException","message":"Cluster not found."}""",
            ("x-amzn-RequestId", "req-1")));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
        Assert.Equal("Cluster not found.", error.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("ecs", error.Service);
        Assert.Equal("DescribeClusters", error.Operation);
        Assert.Equal("An error occurred (ClusterNotFoundException) when calling the DescribeClusters operation: Cluster not found.", error.Message);
    }

    [Fact]
    public async Task A_capitalised_Message_is_read_too()
    {
        var error = await EcsErrorFrom(ScriptedResponse.Json(400, """{"__type":"InvalidParameterException","Message":"Bad value."}"""));

        Assert.Equal("Bad value.", error.ErrorMessage);
    }

    [Fact]
    public async Task The_X_Amzn_Errortype_header_wins_over_the_body_and_loses_its_url_suffix()
    {
        var error = await EcsErrorFrom(ScriptedResponse.Json(400,
            """{"__type":"SomethingElse","message":"m"}""",
            ("X-Amzn-Errortype", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
    }

    [Fact]
    public async Task The_x_amzn_query_error_header_wins_over_everything()
    {
        var error = await EcsErrorFrom(ScriptedResponse.Json(400,
            """{"__type":"InvalidParameterException","message":"m"}""",
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"),
            ("X-Amzn-Errortype", "QueueDoesNotExist")));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_leaves_the_status_as_the_code()
    {
        var error = await EcsErrorFrom(new ScriptedResponse(502, "<html><body>Bad Gateway</body></html>",
            new Dictionary<string, string> { ["Content-Type"] = "text/html" }));

        Assert.Equal("502", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsServerFault);
    }

    [Fact]
    public async Task An_IAM_ErrorResponse_gives_its_code_message_status_and_request_id()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Xml(404,
            """<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name web cannot be found.</Message></Error><RequestId>iam-req</RequestId></ErrorResponse>"""));
        using var iam = new IamClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetRoleAsync("web"));

        Assert.Equal("NoSuchEntity", error.ErrorCode);
        Assert.Equal("The role with name web cannot be found.", error.ErrorMessage);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("iam-req", error.RequestId);
        Assert.Equal("iam", error.Service);
        Assert.Equal("GetRole", error.Operation);
    }

    [Fact]
    public async Task An_EC2_Response_Errors_gives_its_code_and_message()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Xml(400,
            """<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>ec2-req</RequestID></Response>"""));
        using var ec2 = new Ec2Client(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-1"] }));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
        Assert.Equal("The vpc ID 'vpc-1' does not exist", error.ErrorMessage);
        Assert.Equal("ec2-req", error.RequestId);
    }

    [Fact]
    public async Task A_success_whose_body_does_not_fit_the_shape_is_an_InvalidResponse_error()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"clusterArns":"not a list"}"""));
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListClustersAsync(new ListClustersRequest()));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }
}
