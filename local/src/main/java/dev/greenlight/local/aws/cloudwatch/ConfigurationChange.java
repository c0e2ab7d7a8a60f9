package dev.greenlight.local.aws.cloudwatch;

/** The kinds of ConfigurationUpdate history items, with the words AWS uses for each. */
enum ConfigurationChange {
    CREATE("Create", "created", "createdAlarm"),
    UPDATE("Update", "updated", "updatedAlarm"),
    DELETE("Delete", "deleted", "deletedAlarm");

    final String type;
    final String verb;
    final String alarmField;

    ConfigurationChange(String type, String verb, String alarmField) {
        this.type = type;
        this.verb = verb;
        this.alarmField = alarmField;
    }
}
