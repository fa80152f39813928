using EcsWorkshop.Images.Dockerfiles;

namespace EcsWorkshop.Images.Tests.Dockerfiles;

public sealed class LineContinuationTests
{
    [Fact]
    public void A_backslash_at_the_end_of_a_line_continues_the_instruction()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch\nLABEL a=1 \\\n      b=2 \\\n      c=3\nUSER app");

        var label = Assert.IsType<LabelInstruction>(dockerfile.Stages[0].Instructions[0]);
        Assert.Equal<string>(["a", "b", "c"], label.Labels.Select(l => l.Key));
        Assert.Equal(2, label.Line);
        Assert.Equal(5, dockerfile.Stages[0].Instructions[1].Line);
    }

    [Fact]
    public void Comments_and_empty_lines_inside_a_continued_instruction_are_skipped()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch\nENV A=1 \\\n# a comment\n\n    B=2");

        var env = Assert.IsType<EnvInstruction>(dockerfile.Stages[0].Instructions.Single());
        Assert.Equal<KeyValuePair<string, string>>([new("A", "1"), new("B", "2")], env.Variables);
    }

    [Fact]
    public void Comments_and_blank_lines_are_ignored_and_line_numbers_still_count_them()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("# comment\n\nFROM scratch\n  # indented comment\n\nRUN echo hi"));

        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Trailing_spaces_after_the_backslash_still_continue_the_line()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch\nEXPOSE 80 \\   \n  443");

        Assert.Equal<string>(["80/tcp", "443/tcp"], Assert.IsType<ExposeInstruction>(dockerfile.Stages[0].Instructions.Single()).Ports);
    }

    [Fact]
    public void The_escape_directive_makes_the_backtick_the_continuation_character()
    {
        var dockerfile = Dockerfile.Parse("# escape=`\nFROM scratch\nCOPY app\\config.json `\n     C:\\app\\");

        var copy = Assert.IsType<CopyInstruction>(dockerfile.Stages[0].Instructions.Single());
        Assert.Equal<string>(["app\\config.json"], copy.Sources);
        Assert.Equal("C:\\app\\", copy.Destination);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch\r\nENV A=1 \\\r\n    B=2\r\n");

        Assert.Equal(2, Assert.IsType<EnvInstruction>(dockerfile.Stages[0].Instructions.Single()).Variables.Length);
    }

    [Fact]
    public void The_history_text_is_the_instruction_with_its_lines_joined()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch\nCMD [\"nginx\", \\\n     \"-g\", \"daemon off;\"]");

        Assert.Equal("CMD [\"nginx\",      \"-g\", \"daemon off;\"]", dockerfile.Stages[0].Instructions.Single().Text);
    }
}
