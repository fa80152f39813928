using EcsWorkshop.Errors;
using EcsWorkshop.Sessions;

namespace EcsWorkshop.Tests.AwsMode;

/// <summary>ECS_WORKSHOP_MODE chooses where <c>Workshop.StartAsync()</c> runs the lessons; the simulator unless told.</summary>
public sealed class WorkshopModeSettingTests
{
    private static WorkshopModeSetting Read(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return WorkshopModeSetting.Read(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Without_the_variable_the_lessons_run_on_the_simulator_even_with_an_aws_profile_set()
    {
        Assert.Equal(new WorkshopModeSetting(WorkshopMode.Simulator, null, null), Read(("AWS_PROFILE", "work"), ("AWS_REGION", "ap-northeast-1")));
        Assert.Equal(WorkshopMode.Simulator, Read(("ECS_WORKSHOP_MODE", "simulator")).Mode);
        Assert.Equal(WorkshopMode.Simulator, Read(("ECS_WORKSHOP_MODE", "  ")).Mode);
    }

    [Fact]
    public void Aws_takes_the_profile_and_the_region_as_the_aws_cli_names_them()
    {
        Assert.Equal(new WorkshopModeSetting(WorkshopMode.Aws, "study-group", "ap-northeast-1"),
            Read(("ECS_WORKSHOP_MODE", "AWS"), ("AWS_PROFILE", "study-group"), ("AWS_REGION", "ap-northeast-1"), ("AWS_DEFAULT_REGION", "us-east-1")));
        Assert.Equal(new WorkshopModeSetting(WorkshopMode.Aws, null, "us-east-1"),
            Read(("ECS_WORKSHOP_MODE", "aws"), ("AWS_DEFAULT_REGION", "us-east-1")));
    }

    [Fact]
    public void An_unknown_mode_is_a_japanese_error_naming_the_two_that_exist()
    {
        var error = Assert.Throws<WorkshopStepException>(() => Read(("ECS_WORKSHOP_MODE", "production")));

        Assert.Equal("環境変数 ECS_WORKSHOP_MODE の値が正しくありません", error.Explanation.Title.ToString());
        Assert.Contains("`production`", error.Explanation.WhatHappened.ToString());
        Assert.Contains("`simulator`", error.Explanation.Why.ToString());
        Assert.Contains("`aws`", error.Explanation.Why.ToString());
    }
}
