namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>
/// The lock <c>notebooks/setup.csx</c> takes while it builds the helper library. A test that builds the same
/// projects another way (a file-based app's <c>#:project</c>) takes it too, so the two builds never share the
/// projects' <c>obj/</c> folders at the same time.
/// </summary>
public static class LessonLibraryLock
{
    public static async Task<IDisposable> AcquireAsync()
    {
        var path = RepositoryRoot.File("artifacts/lesson-library.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
