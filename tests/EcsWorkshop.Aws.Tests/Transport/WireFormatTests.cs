using System.Text.Json;
using EcsWorkshop.Aws.Ec2;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Iam;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Aws.Logs;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Transport;

public sealed class WireFormatTests
{
    [Fact]
    public async Task A_JSON_request_is_a_POST_to_the_root_with_the_JSON_1_1_content_type_and_the_target()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"cluster":{"clusterName":"web"}}"""));
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "web" });

        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.CreateCluster", request.Headers["X-Amz-Target"]);
        Assert.Equal("""{"clusterName":"web"}""", request.Body);
    }

    [Fact]
    public async Task Members_are_lowerCamel_and_absent_members_are_left_out()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, "{}"));
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        await ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = "web",
            Cpu = "256",
            Memory = "512",
            NetworkMode = NetworkModes.Awsvpc,
            RequiresCompatibilities = [Compatibilities.Fargate],
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = "web",
                    Image = "nginx",
                    PortMappings = [new PortMapping { ContainerPort = 80 }],
                    Environment = [new NameValuePair("GREETING", "hello")],
                    LogConfiguration = new LogConfiguration { LogDriver = LogDrivers.AwsLogs, Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/web" } },
                },
            ],
        });

        Assert.Equal(
            """{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","portMappings":[{"containerPort":80}],"environment":[{"name":"GREETING","value":"hello"}],"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web"}}}],"networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512"}""",
            Assert.Single(server.Received).Body);
    }

    [Fact]
    public async Task An_operation_without_input_members_sends_an_empty_object_and_an_empty_answer_is_fine()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, ""));
        using var logs = new LogsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var response = await logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest());

        Assert.Null(response.LogGroups);
        Assert.Equal("{}", Assert.Single(server.Received).Body);
    }

    [Fact]
    public async Task Nulls_in_an_answer_read_as_absent_members()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"cluster":{"clusterName":"web","runningTasksCount":null,"tags":null,"settings":null}}"""));
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var response = await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "web" });

        Assert.Equal("web", response.Cluster!.ClusterName);
        Assert.Null(response.Cluster.RunningTasksCount);
        Assert.Null(response.Cluster.Tags);
    }

    [Fact]
    public async Task A_query_request_is_form_encoded_with_the_action_the_version_and_numbered_members()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Xml(200, "<TagRoleResponse/>"));
        using var iam = new IamClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        await iam.TagRoleAsync("ecs task role", [new IamTag("project", "ecs workshop"), new IamTag("owner", "me&you")]);

        var request = Assert.Single(server.Received);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            "Action=TagRole&Version=2010-05-08&RoleName=ecs%20task%20role&Tags.member.1.Key=project&Tags.member.1.Value=ecs%20workshop&Tags.member.2.Key=owner&Tags.member.2.Value=me%26you",
            request.Body);
    }

    [Fact]
    public async Task EC2_filters_are_numbered_with_their_values()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Xml(200, """<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><securityGroupInfo/></DescribeSecurityGroupsResponse>"""));
        using var ec2 = new Ec2Client(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var group = await ec2.FindDefaultSecurityGroupAsync("vpc-1234");

        Assert.Null(group);
        Assert.Equal(
            "Action=DescribeSecurityGroups&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1234&Filter.2.Name=group-name&Filter.2.Value.1=default",
            Assert.Single(server.Received).Body);
    }

    [Fact]
    public void ECS_timestamps_are_epoch_seconds_and_Logs_timestamps_are_epoch_milliseconds()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_556_199_945_688);

        var ecs = JsonSerializer.Serialize(new Service { CreatedAt = at }, EcsJsonContext.Default.Service);
        var logs = JsonSerializer.Serialize(new GetLogEventsRequest { LogStreamName = "s", StartTime = at }, LogsJsonContext.Default.GetLogEventsRequest);

        Assert.Equal("""{"createdAt":1556199945.688}""", ecs);
        Assert.Equal("""{"logStreamName":"s","startTime":1556199945688}""", logs);
    }

    [Theory]
    [InlineData("1556199945.688")]
    [InlineData("1.556199945688E9")]
    [InlineData("\"2019-04-25T13:45:45.688Z\"")]
    public void An_ECS_timestamp_is_read_in_any_form_AWS_sends(string json)
    {
        var service = JsonSerializer.Deserialize($$"""{"createdAt":{{json}}}""", EcsJsonContext.Default.Service)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_556_199_945_688), service.CreatedAt);
    }
}
