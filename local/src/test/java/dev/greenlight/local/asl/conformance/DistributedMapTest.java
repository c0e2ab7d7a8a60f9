package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.HistoryEvent;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.aws.s3.S3TaskIntegration;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.clock.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Distributed Map on the engine, items read through the S3 twin's API (guide: "Distributed Map
 * state", "ItemReader", "ItemBatcher", "ResultWriter"). Definitions use single quotes as {@link Runs} does.
 */
class DistributedMapTest {

    private static final String BUCKET = "items";
    private final S3Twin s3 = new S3Twin(new VirtualClock());

    DistributedMapTest() {
        s3.createBucket(CreateBucketRequest.builder().bucket(BUCKET).build());
        s3.createBucket(CreateBucketRequest.builder().bucket("results").build());
    }

    private void put(String key, String body) {
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromString(body));
    }

    private Execution run(String definition, String input) {
        return LocalRun.run(definition.replace('\'', '"'), json(input), new S3TaskIntegration(s3, Runs.FUNCTIONS));
    }

    /** A JSONPath machine whose one state is a Distributed Map with these extra members and this ItemProcessor state. */
    private static String map(String members, String processorState) {
        return "{'StartAt': 'M', 'States': {'M': {'Type': 'Map', " + members + (members.isEmpty() ? "" : ", ")
                + "'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'}, "
                + "'StartAt': 'P', 'States': {'P': {" + processorState + ", 'End': true}}}, 'End': true}}}";
    }

    private static final String PASS = "'Type': 'Pass'";

    private static String reader(String readerConfig) {
        return "'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'ReaderConfig': " + readerConfig
                + ", 'Parameters': {'Bucket': 'items', 'Key': 'data'}}";
    }

    /** Each InputType, read from one object: the items are the children's inputs, given back in order. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "JSON array     | {'InputType': 'JSON'}                                    | [{\"a\":1},{\"a\":2}]        | [{'a':1},{'a':2}]",
        "no InputType   | {}                                                       | [1,2,3]                      | [1,2,3]",
        "JSON Lines     | {'InputType': 'JSONL'}                                   | \"{\"\"a\"\":1}\n{\"\"a\"\":2}\n\" | [{'a':1},{'a':2}]",
        "CSV first row  | {'InputType': 'CSV', 'CSVHeaderLocation': 'FIRST_ROW'}   | \"id,name\n1,x\n2,\"\"y,z\"\"\n\" | [{'id':'1','name':'x'},{'id':'2','name':'y,z'}]",
        "CSV given      | {'InputType': 'CSV', 'CSVHeaderLocation': 'GIVEN', 'CSVHeaders': ['k','v']} | \"1,2\n3,4\" | [{'k':'1','v':'2'},{'k':'3','v':'4'}]",
        "MaxItems       | {'InputType': 'JSON', 'MaxItems': 2}                     | [1,2,3]                      | [1,2]",
    })
    void readsTheItemsOfAnObject(String name, String readerConfig, String body, String expected) {
        put("data", body);

        Execution execution = run(map(reader(readerConfig), PASS), "{}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    /** listObjectsV2: one item per object under the prefix, shaped as the guide shows. */
    @Test
    void listsObjectsAsItems() {
        put("in/a.txt", "abc");
        put("in/b.txt", "de");
        put("out/c.txt", "f");
        String reader = "'ItemReader': {'Resource': 'arn:aws:states:::s3:listObjectsV2', "
                + "'Parameters': {'Bucket': 'items', 'Prefix': 'in/'}}";

        Execution execution = run(map(reader, PASS), "{}");

        assertThat(execution.output()).hasSize(2);
        JsonNode first = execution.output().get(0);
        assertThat(first.get("Key").asText()).isEqualTo("in/a.txt");
        assertThat(first.get("Size").asInt()).isEqualTo(3);
        assertThat(first.get("Etag").asText()).startsWith("\"");
        assertThat(first.get("LastModified").isIntegralNumber()).isTrue();
        assertThat(first.get("StorageClass").asText()).isEqualTo("STANDARD");
    }

    /** The reader's Bucket and Key come from the input: Parameters with .$ paths, or JSONata Arguments. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "JSONPath | 'Parameters': {'Bucket.$': '$.bucket', 'Key.$': '$.key'}",
        "JSONata  | 'Arguments': {'Bucket': '{% $states.input.bucket %}', 'Key': '{% $states.input.key %}'}",
    })
    void readerArgumentsInBothQueryLanguages(String language, String arguments) {
        put("from-input", "[7]");
        String definition = "{'QueryLanguage': '" + language + "', 'StartAt': 'M', 'States': {'M': {'Type': 'Map', "
                + "'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', " + arguments + "}, "
                + "'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'EXPRESS'}, "
                + "'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}";

        Execution execution = run(definition, "{'bucket': 'items', 'key': 'from-input'}");

        assertThat(execution.output()).isEqualTo(json("[7]"));
    }

    @Test
    void aMissingObjectIsItemReaderFailed() {
        Execution execution = run(map(reader("{}"), PASS), "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.ItemReaderFailed");
    }

    private static final String INVENTORY = "inventory";
    private static final String MANIFEST_KEY = "inv/items/daily/2026-12-06T00-00Z/manifest.json";

    /** An S3 inventory report as S3 Inventory writes it: gzip CSV files without a header, and manifest.json. */
    private void putInventory(String fileSchema, String fileFormat, String... files) throws IOException {
        s3.createBucket(CreateBucketRequest.builder().bucket(INVENTORY).build());
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < files.length; i++) {
            String key = "inv/items/daily/data/part-" + i + ".csv.gz";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(files[i].replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
            }
            s3.putObject(PutObjectRequest.builder().bucket(INVENTORY).key(key).build(),
                    RequestBody.fromBytes(bytes.toByteArray()));
            listed.append(i == 0 ? "" : ",").append("{'key': '").append(key).append("', 'size': 1, "
                    + "'MD5checksum': 'x'}");
        }
        String manifest = "{'sourceBucket': 'items', 'destinationBucket': 'arn:aws:s3:::inventory', "
                + "'version': '2016-11-30', 'creationTimestamp': '1796515200000', 'fileFormat': '" + fileFormat
                + "', 'fileSchema': '" + fileSchema + "', 'files': [" + listed + "]}";
        s3.putObject(PutObjectRequest.builder().bucket(INVENTORY).key(MANIFEST_KEY).build(),
                RequestBody.fromString(manifest.replace('\'', '"')));
    }

    private static String manifestReader(String readerConfig) {
        return "'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'ReaderConfig': {'InputType': "
                + "'MANIFEST'" + readerConfig + "}, 'Parameters': {'Bucket': 'inventory', 'Key': '" + MANIFEST_KEY
                + "'}}";
    }

    /** One item per inventory row, keyed by the manifest's fileSchema, files in the manifest's order. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "one file          | Bucket, Key, Size, LastModifiedDate |                 | items,a.csv,10,2026-12-05T00:00:00.000Z | | [{'Bucket':'items','Key':'a.csv','Size':'10','LastModifiedDate':'2026-12-05T00:00:00.000Z'}]",
        "quoted fields     | Bucket, Key                         |                 | \"\"\"items\"\",\"\"a,b\"\"\" | | [{'Bucket':'items','Key':'a,b'}]",
        "two files         | Bucket, Key                         |                 | items,a\\nitems,b | items,c | [{'Bucket':'items','Key':'a'},{'Bucket':'items','Key':'b'},{'Bucket':'items','Key':'c'}]",
        "MaxItems          | Bucket, Key                         | , 'MaxItems': 2 | items,a\\nitems,b | items,c | [{'Bucket':'items','Key':'a'},{'Bucket':'items','Key':'b'}]",
        "MaxItems 0 is all | Bucket, Key                         | , 'MaxItems': 0 | items,a           | items,b | [{'Bucket':'items','Key':'a'},{'Bucket':'items','Key':'b'}]",
        "empty file        | Bucket, Key                         |                 | \"\"              | items,b | [{'Bucket':'items','Key':'b'}]",
    })
    void readsAnInventoryManifest(String name, String fileSchema, String readerConfig, String first, String second,
            String expected) throws IOException {
        String[] files = second == null ? new String[] {first == null ? "" : first} : new String[] {first, second};
        putInventory(fileSchema, "CSV", files);

        Execution execution = run(map(manifestReader(readerConfig == null ? "" : readerConfig), PASS), "{}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    /** A manifest or file that cannot be read, or is not an S3 CSV inventory, fails with States.ItemReaderFailed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no manifest        | none        | Could not read the S3 inventory manifest s3://inventory/" + MANIFEST_KEY,
        "no file            | missing     | Could not read the inventory file s3://inventory/inv/items/daily/data/gone.csv.gz",
        "ORC report         | ORC         | has fileFormat 'ORC': the MANIFEST reader reads CSV inventory reports only",
        "not JSON           | not JSON    | is not valid JSON",
        "no fileSchema      | no schema   | must have a fileSchema and a files array",
        "row beyond schema  | wide row    | has 3 fields but the manifest's fileSchema names 2 columns",
    })
    void unreadableInventoriesAreItemReaderFailed(String name, String inventory, String cause) throws IOException {
        switch (inventory) {
            case "none" -> s3.createBucket(CreateBucketRequest.builder().bucket(INVENTORY).build());
            case "ORC" -> putInventory("Bucket, Key", "ORC", "items,a");
            case "wide row" -> putInventory("Bucket, Key", "CSV", "items,a,b");
            default -> {
                putInventory("Bucket, Key", "CSV");
                String manifest = switch (inventory) {
                    case "missing" -> "{'fileFormat': 'CSV', 'fileSchema': 'Bucket, Key', 'destinationBucket': "
                            + "'arn:aws:s3:::inventory', 'files': [{'key': 'inv/items/daily/data/gone.csv.gz'}]}";
                    case "no schema" -> "{'fileFormat': 'CSV', 'files': []}";
                    default -> "{not json";
                };
                s3.putObject(PutObjectRequest.builder().bucket(INVENTORY).key(MANIFEST_KEY).build(),
                        RequestBody.fromString(manifest.replace('\'', '"')));
            }
        }

        Execution execution = run(map(manifestReader(""), PASS), "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(execution.cause()).contains(cause);
    }

    /** PARQUET and Athena manifests are refused when the definition loads, saying what to use instead. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PARQUET       | {'InputType': 'PARQUET'}                                 | This engine does not read InputType PARQUET: convert the data to CSV or JSON Lines",
        "Athena        | {'InputType': 'CSV', 'ManifestType': 'ATHENA_DATA'}       | This engine reads only S3 inventory manifests",
        "unknown       | {'InputType': 'XML'}                                     | must be one of CSV, JSON, JSONL, MANIFEST, PARQUET",
    })
    void readersNotReadAreRefusedAtDefinitionTime(String name, String readerConfig, String message) {
        assertThatThrownBy(() -> DefinitionParser.parse(map(reader(readerConfig), PASS).replace('\'', '"')))
                .hasMessageContaining(message);
    }

    /** ItemSelector shapes each item ($$.Map.Item), then ItemBatcher groups them with BatchInput. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "by count       | 'MaxItemsPerBatch': 2                        | [{'Items':[{'i':0,'v':'a'},{'i':1,'v':'b'}],'BatchInput':{'run':1}},{'Items':[{'i':2,'v':'c'}],'BatchInput':{'run':1}}]",
        "by bytes       | 'MaxInputBytesPerBatch': 70                  | [{'Items':[{'i':0,'v':'a'},{'i':1,'v':'b'}],'BatchInput':{'run':1}},{'Items':[{'i':2,'v':'c'}],'BatchInput':{'run':1}}]",
        "count in bytes | 'MaxItemsPerBatch': 5, 'MaxInputBytesPerBatch': 1000 | [{'Items':[{'i':0,'v':'a'},{'i':1,'v':'b'},{'i':2,'v':'c'}],'BatchInput':{'run':1}}]",
    })
    void selectsThenBatches(String name, String limits, String expected) {
        String members = "'ItemsPath': '$.items', 'ItemSelector': {'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value'}, "
                + "'ItemBatcher': {" + limits + ", 'BatchInput': {'run.$': '$.run'}}";

        Execution execution = run(map(members, PASS), "{'items': ['a', 'b', 'c'], 'run': 1}");

        assertThat(execution.output()).isEqualTo(json(expected));
    }

    /**
     * The limits' Path forms (JSONPath) and JSONata expressions are read from the state's input at run time:
     * ReaderConfig's MaxItems, ItemBatcher's MaxItemsPerBatch and MaxInputBytesPerBatch.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MaxItemsPath                   | JSONPath | 'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'ReaderConfig': {'MaxItemsPath': '$.n'}, 'Parameters': {'Bucket': 'items', 'Key': 'data'}} | [1,2]",
        "MaxItems expression            | JSONata  | 'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'ReaderConfig': {'MaxItems': '{% $states.input.n %}'}, 'Arguments': {'Bucket': 'items', 'Key': 'data'}} | [1,2]",
        "MaxItemsPerBatchPath           | JSONPath | 'ItemsPath': '$.items', 'ItemBatcher': {'MaxItemsPerBatchPath': '$.n'} | [{'Items':[1,2]},{'Items':[3]}]",
        "MaxItemsPerBatch expression    | JSONata  | 'Items': '{% $states.input.items %}', 'ItemBatcher': {'MaxItemsPerBatch': '{% $states.input.n %}'} | [{'Items':[1,2]},{'Items':[3]}]",
        "MaxInputBytesPerBatchPath      | JSONPath | 'ItemsPath': '$.items', 'ItemBatcher': {'MaxInputBytesPerBatchPath': '$.bytes'} | [{'Items':[1,2]},{'Items':[3]}]",
        "MaxInputBytesPerBatch expression | JSONata | 'Items': '{% $states.input.items %}', 'ItemBatcher': {'MaxInputBytesPerBatch': '{% $states.input.bytes %}'} | [{'Items':[1,2]},{'Items':[3]}]",
    })
    void limitsFromTheInput(String name, String language, String members, String expected) {
        put("data", "[1,2,3]");

        Execution execution = run(machine(language, members), "{'n': 2, 'bytes': 16, 'items': [1, 2, 3]}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    /** A limit read at run time that is no integer, or too small, fails the execution with States.Runtime. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MaxItemsPath negative        | 'ReaderConfig': {'MaxItemsPath': '$.minus'} | Expected non-negative integer for MaxItems, got '-1' instead.",
        "MaxItemsPath text            | 'ReaderConfig': {'MaxItemsPath': '$.text'}  | The MaxItemsPath field refers to value \"x\" which is not a valid integer: $.text",
    })
    void badReaderLimitsAreRuntimeErrors(String name, String config, String cause) {
        put("data", "[1,2,3]");
        String members = "'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', " + config
                + ", 'Parameters': {'Bucket': 'items', 'Key': 'data'}}";

        Execution execution = run(machine("JSONPath", members), "{'minus': -1, 'text': 'x'}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "both forms          | JSONPath | 'ItemsPath': '$', 'ItemBatcher': {'MaxItemsPerBatch': 2, 'MaxItemsPerBatchPath': '$.n'} | MaxItemsPerBatchPath",
        "Path in JSONata     | JSONata  | 'ItemBatcher': {'MaxItemsPerBatchPath': '$.n'}                                          | only supported for the 'JSONPath' QueryLanguage",
        "reader Path JSONata | JSONata  | 'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'ReaderConfig': {'MaxItemsPath': '$.n'}, 'Arguments': {'Bucket': 'b', 'Key': 'k'}} | field 'MaxItemsPath'",
        "zero per batch      | JSONPath | 'ItemsPath': '$', 'ItemBatcher': {'MaxItemsPerBatch': 0}                                | Minimum value is 1",
    })
    void limitsRefusedAtDefinitionTime(String name, String language, String members, String message) {
        assertThatThrownBy(() -> DefinitionParser.parse(machine(language, members).replace('\'', '"')))
                .hasMessageContaining(message);
    }

    private static String machine(String language, String members) {
        return "{'QueryLanguage': '" + language + "', 'StartAt': 'M', 'States': {'M': {'Type': 'Map', " + members
                + ", 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'EXPRESS'}, "
                + "'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}";
    }

    /** A failed child counts against the tolerance; beyond it the Map fails with ExceedToleratedFailureThreshold. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "none tolerated     | ''                                  | FAILED",
        "one tolerated      | 'ToleratedFailureCount': 1,         | SUCCEEDED",
        "fifty percent of 3 | 'ToleratedFailurePercentage': 50,   | SUCCEEDED",
        "thirty percent     | 'ToleratedFailurePercentage': 30,   | FAILED",
    })
    void failedChildrenCountAgainstTheTolerance(String name, String tolerance, ExecutionStatus status) {
        String members = tolerance + "'ItemsPath': '$'";
        String processor = "'Type': 'Choice', 'Choices': [{'Variable': '$', 'NumericEquals': 2, 'Next': 'F'}], "
                + "'Default': 'OK'}, 'F': {'Type': 'Fail', 'Error': 'Two', 'Cause': 'two'}, 'OK': {'Type': 'Pass'";

        Execution execution = run(map(members, processor), "[1, 2, 3]");

        assertThat(execution.status()).isEqualTo(status);
        if (status == ExecutionStatus.FAILED) {
            assertThat(execution.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        } else {
            assertThat(execution.output()).isEqualTo(json("[1, {'Error': 'Two', 'Cause': 'two'}, 3]"));
        }
    }

    /** With an ItemBatcher the thresholds count items: a failed batch of two is two failed items. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "count 1 of 4 items   | 'ToleratedFailureCount': 1,       | FAILED",
        "count 2 of 4 items   | 'ToleratedFailureCount': 2,       | SUCCEEDED",
        "50 percent of 4      | 'ToleratedFailurePercentage': 50, | SUCCEEDED",
        "25 percent of 4      | 'ToleratedFailurePercentage': 25, | FAILED",
    })
    void batchedFailuresCountTheirItems(String name, String tolerance, ExecutionStatus status) {
        String members = tolerance + "'ItemsPath': '$', 'ItemBatcher': {'MaxItemsPerBatch': 2}";
        String processor = "'Type': 'Choice', 'Choices': [{'Variable': '$.Items[0]', 'NumericEquals': 1, "
                + "'Next': 'F'}], 'Default': 'OK'}, 'F': {'Type': 'Fail', 'Error': 'One'}, 'OK': {'Type': 'Pass'";

        Execution execution = run(map(members, processor), "[1, 2, 3, 4]");

        assertThat(execution.status()).isEqualTo(status);
    }

    /** A Map Run that fails still exports its results: the failed children, and the items never started as PENDING. */
    @Test
    void aFailedMapRunWritesItsResults() {
        String members = "'ItemsPath': '$', 'MaxConcurrency': 1, 'ResultWriter': {'Resource': "
                + "'arn:aws:states:::s3:putObject', 'Parameters': {'Bucket': 'results', 'Prefix': 'failed'}}";
        String processor = "'Type': 'Choice', 'Choices': [{'Variable': '$', 'NumericEquals': 1, 'Next': 'F'}], "
                + "'Default': 'OK'}, 'F': {'Type': 'Fail', 'Error': 'One', 'Cause': 'one'}, 'OK': {'Type': 'Pass'";

        Execution execution = run(map(members, processor), "[1, 2, 3]");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        HistoryEvent started = execution.history().events().stream()
                .filter(event -> event.type().equals("MapRunStarted")).findFirst().orElseThrow();
        String mapRunArn = started.details().get("mapRunArn").asText();
        String directory = "failed/" + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
        JsonNode manifest = object(directory + "manifest.json");
        assertThat(manifest.at("/ResultFiles/FAILED/0/Key").asText()).isEqualTo(directory + "FAILED_0.json");
        assertThat(manifest.at("/ResultFiles/PENDING/0/Key").asText()).isEqualTo(directory + "PENDING_0.json");
        assertThat(manifest.at("/ResultFiles/SUCCEEDED")).isEmpty();
        assertThat(object(directory + "FAILED_0.json").get(0).get("Error").asText()).isEqualTo("One");
        assertThat(object(directory + "PENDING_0.json")).isEqualTo(json("[{'Input': '2', 'InputDetails': "
                + "{'Included': true}, 'Status': 'PENDING'}, {'Input': '3', 'InputDetails': {'Included': true}, "
                + "'Status': 'PENDING'}]"));
    }

    /** The children run as executions of their own: the parent's history has the Map Run, not their states. */
    @Test
    void childrenHaveTheirOwnHistories() {
        Execution execution = run(map("'Label': 'Each', 'ItemsPath': '$'", PASS), "[1, 2]");

        assertThat(execution.history().events()).extracting(HistoryEvent::type)
                .contains("MapRunStarted", "MapRunSucceeded").doesNotContain("PassStateEntered");
        HistoryEvent started = execution.history().events().stream()
                .filter(event -> event.type().equals("MapRunStarted")).findFirst().orElseThrow();
        assertThat(Json.write(started.details())).contains(":mapRun:local/Each:");
    }

    /** ResultWriter: the manifest and one file per status with children; the output names the manifest. */
    @Test
    void writesResultsToS3() {
        String members = "'ItemsPath': '$', 'ToleratedFailureCount': 1, 'ResultWriter': {'Resource': "
                + "'arn:aws:states:::s3:putObject', 'Parameters': {'Bucket': 'results', 'Prefix': 'runs'}}";
        String processor = "'Type': 'Choice', 'Choices': [{'Variable': '$', 'NumericEquals': 2, 'Next': 'F'}], "
                + "'Default': 'OK'}, 'F': {'Type': 'Fail', 'Error': 'Two', 'Cause': 'two'}, 'OK': {'Type': 'Pass'";

        Execution execution = run(map(members, processor), "[1, 2, 3]");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = execution.output();
        String mapRunArn = output.get("MapRunArn").asText();
        String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        assertThat(output.get("ResultWriterDetails")).isEqualTo(json("{'Bucket': 'results', 'Key': 'runs/" + id
                + "/manifest.json'}"));
        JsonNode manifest = object("runs/" + id + "/manifest.json");
        assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("results");
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(mapRunArn);
        assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).isEqualTo("runs/" + id + "/SUCCEEDED_0.json");
        assertThat(manifest.at("/ResultFiles/FAILED/0/Key").asText()).isEqualTo("runs/" + id + "/FAILED_0.json");
        assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
        JsonNode succeeded = object("runs/" + id + "/SUCCEEDED_0.json");
        assertThat(succeeded).hasSize(2);
        assertThat(succeeded.get(0).get("Output").asText()).isEqualTo("1");
        assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.get(0).get("ExecutionArn").asText()).contains(":execution:local/M:");
        JsonNode failed = object("runs/" + id + "/FAILED_0.json");
        assertThat(failed.get(0).get("Error").asText()).isEqualTo("Two");
        assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asInt())
                .isEqualTo(s3.objectBytes("results", "runs/" + id + "/SUCCEEDED_0.json").orElseThrow().length);
    }

    /** WriterConfig alone shapes the state's result: COMPACT the outputs, FLATTEN them with arrays spread, NONE the executions. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "COMPACT | [[1,1],[2,2]]",
        "FLATTEN | [1,1,2,2]",
    })
    void writerConfigShapesTheResult(String transformation, String expected) {
        String members = "'ItemsPath': '$', 'ResultWriter': {'WriterConfig': {'Transformation': '" + transformation
                + "', 'OutputType': 'JSON'}}";

        Execution execution = run(map(members, "'Type': 'Pass', 'Parameters': {'v.$': 'States.Array($, $)'}, "
                + "'OutputPath': '$.v'"), "[1, 2]");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    @Test
    void writerConfigNoneGivesEachExecution() {
        String members = "'ItemsPath': '$', 'ResultWriter': {'WriterConfig': {'Transformation': 'NONE', "
                + "'OutputType': 'JSON'}}";

        Execution execution = run(map(members, PASS), "[1]");

        JsonNode entry = execution.output().get(0);
        assertThat(entry.get("Output").asText()).isEqualTo("1");
        assertThat(entry.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(entry.get("ExecutionArn").asText()).contains(":execution:local/M:");
    }

    /** Exported with WriterConfig: the files hold the transformed results, as JSON Lines for OutputType JSONL. */
    @Test
    void writerConfigShapesTheExportedFiles() {
        String members = "'ItemsPath': '$', 'ResultWriter': {'Resource': 'arn:aws:states:::s3:putObject', "
                + "'Parameters': {'Bucket': 'results', 'Prefix': 'lines'}, 'WriterConfig': {'Transformation': "
                + "'COMPACT', 'OutputType': 'JSONL'}}";

        Execution execution = run(map(members, PASS), "[{'a': 1}, {'a': 2}]");

        String manifestKey = execution.output().at("/ResultWriterDetails/Key").asText();
        String succeededKey = object(manifestKey).at("/ResultFiles/SUCCEEDED/0/Key").asText();
        assertThat(new String(s3.objectBytes("results", succeededKey).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty               | {}                                                                             | must set WriterConfig",
        "Resource alone      | {'Resource': 'arn:aws:states:::s3:putObject'}                                  | must set WriterConfig",
        "bad Transformation  | {'WriterConfig': {'Transformation': 'SHRINK', 'OutputType': 'JSON'}}            | NONE, COMPACT, FLATTEN",
        "no OutputType       | {'WriterConfig': {'Transformation': 'NONE'}}                                    | 'OutputType' is required",
        "JSONL without S3    | {'WriterConfig': {'Transformation': 'NONE', 'OutputType': 'JSONL'}}             | only to S3",
    })
    void resultWriterCombinationsRefused(String name, String writer, String message) {
        assertThatThrownBy(() -> DefinitionParser.parse(map("'ItemsPath': '$', 'ResultWriter': " + writer, PASS)
                .replace('\'', '"'))).hasMessageContaining(message);
    }

    private JsonNode object(String key) {
        return Json.parse(new String(s3.objectBytes("results", key).orElseThrow(), StandardCharsets.UTF_8));
    }

    /** ItemReader, ItemBatcher, ResultWriter and Label belong to DISTRIBUTED mode only. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'ItemBatcher': {'MaxItemsPerBatch': 2}",
        "'Label': 'x'",
        "'ResultWriter': {'Resource': 'arn:aws:states:::s3:putObject', 'Parameters': {'Bucket': 'b'}}",
    })
    void inlineMapRefusesDistributedFields(String member) {
        String definition = "{'StartAt': 'M', 'States': {'M': {'Type': 'Map', " + member + ", 'ItemProcessor': "
                + "{'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}";

        assertThatThrownBy(() -> DefinitionParser.parse(definition.replace('\'', '"')))
                .hasMessageContaining("DISTRIBUTED");
    }
}
