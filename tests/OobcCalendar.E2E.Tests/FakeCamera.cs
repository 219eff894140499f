using System.Text;
using Microsoft.Playwright;
using QRCoder;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// A video file Chromium plays as its camera (<c>--use-file-for-fake-video-capture</c>): YUV4MPEG2, 4:2:0, a still
/// picture of a QR code, black on white, as a ticket held up to the desk's camera.
/// </summary>
internal static class FakeCamera
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>
    /// A ticket code that html5-qrcode's own decoder (its JavaScript port of ZXing) never finds in this video at the desk's
    /// width, however long it looks, while ZXing-C++ and zbar read it at once: drawn as tickets are (QRCoder, level M).
    /// About one ticket in forty is like this (ADR 0041). No ticket has this code.
    /// </summary>
    public const string CodeThePortMisses = "T1OLfl82HLJolpkUKp5hryzw";

    /// <summary>Chromium (as every journey runs it) whose only camera plays <paramref name="video"/>, allowed without asking.</summary>
    public static Task<IBrowser> LaunchBrowserAsync(IPlaywright playwright, string video) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = BrowserFixture.ChromiumPath,
        Headless = true,
        Args =
        [
            .. BrowserFixture.LaunchArguments,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            $"--use-file-for-fake-video-capture={video}",
        ],
    });

    /// <summary>Writes <paramref name="frames"/> identical frames showing <paramref name="text"/> as a QR code.</summary>
    public static void WriteQrVideo(string path, string text, int frames = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone
        var size = matrix.Count;
        // About 60% of the picture: well inside the scanner's aiming box at any screen width, as a ticket held at arm's length.
        var scale = Math.Min(Width, Height) * 6 / 10 / size;
        var left = (Width - size * scale) / 2;
        var top = (Height - size * scale) / 2;

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235); // white (video range)
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (!matrix[row][column])
                {
                    continue;
                }

                for (var y = 0; y < scale; y++)
                {
                    Array.Fill(luma, (byte)16, (top + row * scale + y) * Width + left + column * scale, scale); // black
                }
            }
        }

        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128); // no colour

        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
    }
}
