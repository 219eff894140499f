using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OccurrenceAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "occurrence_answers",
                schema: "scheduling",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurrence_id = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occurrence_answers", x => new { x.event_id, x.recurrence_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_occurrence_answers_events_event_id",
                        column: x => x.event_id,
                        principalSchema: "scheduling",
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "occurrence_answers",
                schema: "scheduling");
        }
    }
}
