namespace EcsWorkshop.Docker;

/// <summary>
/// The URLs the simulator lists (a task's published port, a listener) as this machine reaches them. The simulator lists
/// them as its own machine sees them (<c>http://127.0.0.1:PORT</c>); a simulator on another machine — a classroom served
/// on the LAN, which publishes them on the room's address — is reached at the same port through its own host name.
/// </summary>
public static class SimulatorUrls
{
    /// <summary><paramref name="listed"/> as reached from here when the simulator answers at <paramref name="simulator"/>.</summary>
    public static Uri Reachable(Uri simulator, Uri listed) =>
        listed.IsLoopback && !simulator.IsLoopback ? new UriBuilder(listed) { Host = simulator.Host }.Uri : listed;
}
