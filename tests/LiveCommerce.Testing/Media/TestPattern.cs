using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiveCommerce.Testing.Media;

/// <summary>
/// An encoder for a test: <c>media/test-pattern.sh</c> (ffmpeg pushing a moving test pattern with a tone and the wall
/// clock burned in) to an RTMP address. Disposing stops it if it still runs.
/// </summary>
public sealed class TestPattern : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private TestPattern(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(line.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>What ffmpeg wrote to its error output so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Whether it has stopped.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts pushing to <paramref name="url"/> (the stream key included), for <paramref name="duration"/> or until disposed.</summary>
    public static TestPattern Start(string url, TimeSpan? duration = null)
    {
        var arguments = new List<string> { RepositoryRoot.Combine("media", "test-pattern.sh"), url };
        if (duration is { } length)
        {
            arguments.Add(length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }

        var process = Process.Start(new ProcessStartInfo("sh", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("sh did not start");
        return new TestPattern(process);
    }

    /// <summary>Waits until it stops and answers its exit code; throws when it runs longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
