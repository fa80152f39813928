using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>The two lines of a connection card, as <c>Workshop.StartAsync()</c> reads them from the environment.</summary>
public sealed class ClassroomSettingTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_the_credentials_line_there_is_no_classroom_even_with_an_endpoint()
    {
        Assert.Null(ClassroomSetting.Read(Environment((ClassroomConnection.EndpointVariable, "http://127.0.0.1:4566"))));
    }

    [Fact]
    public void Both_lines_name_the_room_and_the_key_pair_and_the_secret_stays_out_of_the_text()
    {
        var room = ClassroomSetting.Read(Environment(
            (ClassroomConnection.EndpointVariable, "http://room.example:4566"),
            (ClassroomConnection.CredentialsVariable, "AKIAEXAMPLEEXAMPLE12:abc/def+ghi0123456789")))!;

        Assert.Equal(new Uri("http://room.example:4566"), room.Endpoint);
        Assert.Equal("AKIAEXAMPLEEXAMPLE12", room.AccessKeyId);
        Assert.Equal("abc/def+ghi0123456789", room.SecretAccessKey);
        Assert.DoesNotContain("abc/def", room.ToString());
    }

    [Fact]
    public void Credentials_without_the_endpoint_line_are_a_japanese_error_naming_the_missing_variable()
    {
        var error = Assert.Throws<WorkshopStartException>(() => ClassroomSetting.Read(Environment(
            (ClassroomConnection.CredentialsVariable, "AKIAEXAMPLEEXAMPLE12:secret"))));

        Assert.Contains(ClassroomConnection.EndpointVariable, error.Message);
        Assert.Contains("接続カード", error.Message);
    }

    [Theory]
    [InlineData("AKIAEXAMPLEEXAMPLE12")]
    [InlineData(":secret")]
    [InlineData("AKIAEXAMPLEEXAMPLE12:")]
    public void Credentials_that_are_not_key_colon_secret_are_a_japanese_error(string value)
    {
        var error = Assert.Throws<WorkshopStartException>(() => ClassroomSetting.Read(Environment(
            (ClassroomConnection.EndpointVariable, "http://127.0.0.1:4566"), (ClassroomConnection.CredentialsVariable, value))));

        Assert.Contains("アクセスキー ID:シークレットアクセスキー", error.Message);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_is_a_japanese_error()
    {
        var error = Assert.Throws<WorkshopStartException>(() => ClassroomSetting.Read(Environment(
            (ClassroomConnection.EndpointVariable, "room:4566"), (ClassroomConnection.CredentialsVariable, "AKIAEXAMPLEEXAMPLE12:secret"))));

        Assert.Contains("URL として読めません", error.Message);
    }
}
