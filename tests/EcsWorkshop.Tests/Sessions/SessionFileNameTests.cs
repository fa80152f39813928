using EcsWorkshop.Sessions;

namespace EcsWorkshop.Tests.Sessions;

/// <summary>Which file keeps a world's session: one per state folder (however the simulator is reached), else one per endpoint.</summary>
public sealed class SessionFileNameTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home", ".ecs-workshop");
    private static readonly string World = Path.Combine(Path.GetTempPath(), "worlds", "state");

    [Fact]
    public void One_state_folder_reached_at_two_addresses_is_one_session_file()
    {
        Assert.Equal(
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), World),
            SessionFiles.ForSimulator(Home, new Uri("http://localhost:5000"), World + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Two_state_folders_are_two_session_files_even_on_one_address()
    {
        Assert.NotEqual(
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), World),
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), Path.Combine(Path.GetTempPath(), "other", "state")));
    }

    [Fact]
    public void Without_a_state_folder_the_endpoint_names_the_world()
    {
        Assert.NotEqual(
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), null),
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4567"), null));
        Assert.Equal(
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), null),
            SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566/some/path"), null));
    }

    [Fact]
    public void Session_files_live_in_the_helpers_sessions_folder_never_in_the_state_folder()
    {
        var file = SessionFiles.ForSimulator(Home, new Uri("http://127.0.0.1:4566"), World);

        Assert.Equal(Path.Combine(Home, SessionFiles.FolderName), Path.GetDirectoryName(file));
        Assert.StartsWith("state-state-", Path.GetFileName(file));
        Assert.False(file.StartsWith(World, StringComparison.Ordinal));
    }
}
