using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Attendance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportsCategoryAndStartIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                schema: "attendance",
                table: "known_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_attendance_lists_occurrence_start_utc",
                schema: "attendance",
                table: "attendance_lists",
                column: "occurrence_start_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_attendance_lists_occurrence_start_utc",
                schema: "attendance",
                table: "attendance_lists");

            migrationBuilder.DropColumn(
                name: "category_id",
                schema: "attendance",
                table: "known_events");
        }
    }
}
