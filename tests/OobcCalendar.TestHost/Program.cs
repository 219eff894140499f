using OobcCalendar.TestHost;

return await ProbeProgram.RunAsync(args);
