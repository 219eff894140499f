using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OccurrencesByEvent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_occurrences_event_id_start_utc",
                schema: "scheduling",
                table: "occurrences",
                columns: new[] { "event_id", "start_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_occurrences_event_id_start_utc",
                schema: "scheduling",
                table: "occurrences");
        }
    }
}
