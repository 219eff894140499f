using System.Diagnostics;
using System.Text.Json;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>
/// The quick-add parser as the browser runs it: node imports the bundle build/frontend.sh writes
/// (src/Host/OobcCalendar.Host/wwwroot/lib/quick-add/quick-add.js) and reads every phrasing of the table at once.
/// No node or no bundle fails the test: the table must never pass unrun.
/// </summary>
public sealed class QuickAddParserTests
{
    // Thursday 3 Dec 2026, 2 PM: "every Tuesday" starts on Tuesday 8 Dec, a time that has passed today starts tomorrow.
    private const string Now = "2026-12-03T14:00:00";

    private static readonly Lazy<IReadOnlyDictionary<string, Parsed>> Results = new(RunParser);

    public static TheoryData<string, string, string?, string, DayOfWeek> Phrasings => new()
    {
        {"Weekly sync every Tuesday at 10am", "Weekly sync", "FREQ=WEEKLY;BYDAY=TU", "2026-12-08T10:00:00", DayOfWeek.Tuesday},
        {"Standup every weekday at 9am", "Standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-04T09:00:00", DayOfWeek.Friday},
        // A leading "Daily"/"Weekly"/"Monthly" with no repeat phrase after it is a title word: a one-off.
        {"Daily standup at 9:15", "Daily standup", null, "2026-12-04T09:15:00", DayOfWeek.Friday},
        {"All-hands every month on the first Friday at 4pm", "All-hands", "FREQ=MONTHLY;BYDAY=1FR", "2026-12-04T16:00:00", DayOfWeek.Friday},
        {"Review every other week on Monday at 2pm", "Review", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-12-07T14:00:00", DayOfWeek.Monday},
        {"Yoga every Tuesday and Thursday at 6pm until 31 Jan", "Yoga", "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270131", "2026-12-03T18:00:00", DayOfWeek.Thursday},
        {"Coaching every Wednesday at 11am for 6 weeks", "Coaching", "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270119", "2026-12-09T11:00:00", DayOfWeek.Wednesday},
        {"Retro every 2 weeks on Friday at 3pm 5 times", "Retro", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=5", "2026-12-04T15:00:00", DayOfWeek.Friday},
        {"Gym every Tuesday", "Gym", "FREQ=WEEKLY;BYDAY=TU", "2026-12-08", DayOfWeek.Tuesday},
        {"Rent on the 1st of every month", "Rent", "FREQ=MONTHLY;BYMONTHDAY=1", "2027-01-01", DayOfWeek.Friday},
        {"Lunch every day at noon", "Lunch", "FREQ=DAILY", "2026-12-04T12:00:00", DayOfWeek.Friday},
        {"Biweekly review on Fridays at 10am", "Biweekly review", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-12-04T10:00:00", DayOfWeek.Friday},
        {"Board meeting on the last Monday of every month at 9am", "Board meeting", "FREQ=MONTHLY;BYDAY=-1MO", "2026-12-28T09:00:00", DayOfWeek.Monday},
        {"Payroll every month on the 25th", "Payroll", "FREQ=MONTHLY;BYMONTHDAY=25", "2026-12-25", DayOfWeek.Friday},
        {"Anniversary every year on 14 Feb", "Anniversary", "FREQ=YEARLY", "2027-02-14", DayOfWeek.Sunday},
        {"Stretch every other day at 8am", "Stretch", "FREQ=DAILY;INTERVAL=2", "2026-12-04T08:00:00", DayOfWeek.Friday},
        {"Team lunch every Friday at 12:30 for 1 hour", "Team lunch", "FREQ=WEEKLY;BYDAY=FR", "2026-12-04T12:30:00", DayOfWeek.Friday},
        {"Sprint planning every 2 weeks on Monday at 10am until 31 Mar", "Sprint planning", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20270331", "2026-12-07T10:00:00", DayOfWeek.Monday},
        {"1:1 with Maria every Monday at 3pm", "1:1", "FREQ=WEEKLY;BYDAY=MO", "2026-12-07T15:00:00", DayOfWeek.Monday},
        {"Pilates on Mondays and Wednesdays at 7pm", "Pilates", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-12-07T19:00:00", DayOfWeek.Monday},
        {"Report weekly on Friday at 4pm", "Report", "FREQ=WEEKLY;BYDAY=FR", "2026-12-04T16:00:00", DayOfWeek.Friday},
        {"Backup every weekend at 10pm", "Backup", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-12-05T22:00:00", DayOfWeek.Saturday},
        {"Check-in every Mon, Wed and Fri at 9am", "Check-in", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-12-04T09:00:00", DayOfWeek.Friday},
        {"Training every Thursday at 2pm 4 times", "Training", "FREQ=WEEKLY;BYDAY=TH;COUNT=4", "2026-12-03T14:00:00", DayOfWeek.Thursday},
        {"Monthly review every month on the third Wednesday at 11am", "Monthly review", "FREQ=MONTHLY;BYDAY=3WE", "2026-12-16T11:00:00", DayOfWeek.Wednesday},
        {"Cleaning every month at 5pm", "Cleaning", "FREQ=MONTHLY;BYMONTHDAY=3", "2026-12-03T17:00:00", DayOfWeek.Thursday},
        {"Demo every other Thursday at 4pm", "Demo", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-12-03T16:00:00", DayOfWeek.Thursday},
        {"Support rota every weekday at 8am for 3 weeks", "Support rota", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261224", "2026-12-04T08:00:00", DayOfWeek.Friday},
        {"Reading club every Sunday at 10am for 10 occurrences", "Reading club", "FREQ=WEEKLY;BYDAY=SU;COUNT=10", "2026-12-06T10:00:00", DayOfWeek.Sunday},
        {"Town hall every 3 months on the first Monday at 9am", "Town hall", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", "2026-12-07T09:00:00", DayOfWeek.Monday},
        {"Water plants daily at 8am until Friday", "Water plants", "FREQ=DAILY;UNTIL=20261204", "2026-12-04T08:00:00", DayOfWeek.Friday},
        {"Standup every workday at 9:30 for 15 minutes", "Standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-04T09:30:00", DayOfWeek.Friday},
        {"Team meeting tomorrow at 3pm for 1 hour with Maria", "Team meeting", null, "2026-12-04T15:00:00", DayOfWeek.Friday},
        {"Weekly check-in with the team on December 2 at 2pm", "Weekly check-in", null, "2027-12-02T14:00:00", DayOfWeek.Thursday},
        {"Weekly check-in 3f9a1c on December 9 2026 at 2pm with Miguel", "Weekly check-in 3f9a1c", null, "2026-12-09T14:00:00", DayOfWeek.Wednesday},
        // A bare run of unit abbreviations is a word of the title, not "in 9 days": a code like this moved an E2E event.
        {"Home check 9d6d1d on December 7 2026 at 11pm with Tomas", "Home check 9d6d1d", null, "2026-12-07T23:00:00", DayOfWeek.Monday},
        {"Room 3d tour tomorrow at 9am", "Room 3d tour", null, "2026-12-04T09:00:00", DayOfWeek.Friday},
        {"Call Maria in 2h", "Call Maria", null, "2026-12-03T16:00:00", DayOfWeek.Thursday},
        {"Meeting 11pm", "Meeting", null, "2026-12-03T23:00:00", DayOfWeek.Thursday},
        {"Daily standup tomorrow 9am", "Daily standup", null, "2026-12-04T09:00:00", DayOfWeek.Friday},
        {"Weekly sync on Tuesday at 10am", "Weekly sync", null, "2026-12-08T10:00:00", DayOfWeek.Tuesday},
        {"Weekly planning offsite tomorrow for 2 days", "Weekly planning offsite", null, "2026-12-04", DayOfWeek.Friday},
        // ... unless a repeat phrase or an ending follows: then it stays in the title and the rest says how it repeats.
        {"Daily standup every weekday at 9am", "Daily standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-04T09:00:00", DayOfWeek.Friday},
        {"Weekly sync each week on Tuesday at 10am", "Weekly sync", "FREQ=WEEKLY;BYDAY=TU", "2026-12-08T10:00:00", DayOfWeek.Tuesday},
        {"Weekly check-in at 10am for 6 weeks", "Weekly check-in", "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270114", "2026-12-04T10:00:00", DayOfWeek.Friday},
        {"Daily standup at 9am until Friday", "Daily standup", "FREQ=DAILY;UNTIL=20261204", "2026-12-04T09:00:00", DayOfWeek.Friday},
        {"Monthly report at 4pm 3 times", "Monthly report", "FREQ=MONTHLY;BYMONTHDAY=3;COUNT=3", "2026-12-03T16:00:00", DayOfWeek.Thursday},
        {"Sync each Tuesday at 10am", "Sync", "FREQ=WEEKLY;BYDAY=TU", "2026-12-08T10:00:00", DayOfWeek.Tuesday},
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void ParseQuickAdd_WhenARepeatIsTyped_ThenGivesTheRuleTitleAndFirstOccurrence(
        string text, string title, string? rule, string start, DayOfWeek weekday)
    {
        var parsed = Results.Value[text];

        parsed.Rrule.ShouldBe(rule, text);
        parsed.Title.ShouldBe(title, text);
        parsed.Start.ShouldBe(start, text);
        DateTime.Parse(parsed.Start!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek.ShouldBe(weekday, text);
    }

    private static IReadOnlyDictionary<string, Parsed> RunParser()
    {
        var root = RepositoryRoot();
        var bundle = Path.Combine(root, "src", "Host", "OobcCalendar.Host", "wwwroot", "lib", "quick-add", "quick-add.js");
        File.Exists(bundle).ShouldBeTrue($"The quick-add bundle is missing at {bundle}: run `bash build/frontend.sh src/Host/OobcCalendar.Host` first.");

        // A copy named .mjs so node reads it as the ES module it is.
        var work = Directory.CreateTempSubdirectory("quick-add-test");
        try
        {
            File.Copy(bundle, Path.Combine(work.FullName, "quick-add.mjs"));
            var texts = Phrasings.Select(row => (string)row[0]).ToList();
            File.WriteAllText(Path.Combine(work.FullName, "input.json"), JsonSerializer.Serialize(texts));
            File.WriteAllText(Path.Combine(work.FullName, "run.mjs"), $$"""
                import { readFileSync } from "node:fs";
                import { parseQuickAdd } from "./quick-add.mjs";
                const texts = JSON.parse(readFileSync(new URL("./input.json", import.meta.url), "utf8"));
                console.log(JSON.stringify(texts.map((t) => [t, parseQuickAdd(t, "{{Now}}")])));
                """);

            var start = new ProcessStartInfo("node", "run.mjs") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("node is needed to run the quick-add parser and was not found on PATH.", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                process.WaitForExit(60_000).ShouldBeTrue("node did not finish within a minute.");
                process.ExitCode.ShouldBe(0, errors.Result);
                var pairs = JsonSerializer.Deserialize<JsonElement[][]>(output.Result)!;
                return pairs.ToDictionary(p => p[0].GetString()!, p => p[1].Deserialize<Parsed>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build", "frontend.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (with build/frontend.sh) above {AppContext.BaseDirectory}.");
    }

    private sealed record Parsed(string? Title, string? Start, string? End, bool AllDay, string? Rrule);
}
