package dev.greenlight.local.gateway;

import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsQuery (SNS, ELBv2, and CloudWatch for the Java SDK): a form {@code Action=Op&Version=...}
 * posted to {@code /}, routed by the SigV4 credential scope's service; XML answers
 * {@code <OpResponse><OpResult>...</OpResult><ResponseMetadata>} and
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}.
 */
final class AwsQueryProtocol implements WireProtocol {

    private static final String CONTENT_TYPE = "text/xml";
    private static final XmlFactory XML = new XmlFactory();
    private static final ShapeWriter WRITER = new XmlShapeWriter();

    @Override
    public boolean shapes(WireRequest request) {
        return "/".equals(request.rawPath()) && request.header("x-amz-target").isEmpty();
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        if (!shapes(request)) {
            return Optional.empty();
        }
        QueryForm form = form(request);
        String action = form.get("Action");
        // STS's AssumeRoleWithWebIdentity and AssumeRoleWithSAML are sent unsigned: the action and version name the service.
        return request.signingService().flatMap(services::bySigningName)
                .or(() -> services.byQueryAction(action, form.get("Version")))
                .filter(ServiceModel::speaksQuery)
                .filter(service -> action != null)
                .map(service -> new Call(service, action));
    }

    @Override
    public SdkPojo read(WireRequest request, Operation operation) {
        SdkPojo builder = operation.newRequestBuilder();
        return ShapeReader.read(form(request).tree(builder.sdkFields()), builder);
    }

    @Override
    public WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = XML.createGenerator(out)) {
            gen.setNextName(new QName(operation.name() + "Response"));
            gen.writeStartObject();
            gen.writeFieldName(operation.name() + "Result");
            gen.writeStartObject();
            WRITER.members(gen, response);
            gen.writeEndObject();
            gen.writeFieldName("ResponseMetadata");
            gen.writeStartObject();
            gen.writeStringField("RequestId", UUID.randomUUID().toString());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        return new WireResponse(200, Map.of("Content-Type", CONTENT_TYPE), out.toByteArray());
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = XML.createGenerator(out)) {
            gen.setNextName(new QName("ErrorResponse"));
            gen.writeStartObject();
            gen.writeFieldName("Error");
            gen.writeStartObject();
            gen.writeStringField("Type", error.isSenderFault() ? "Sender" : "Receiver");
            gen.writeStringField("Code", error.code());
            gen.writeStringField("Message", error.message());
            gen.writeEndObject();
            gen.writeStringField("RequestId", UUID.randomUUID().toString());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
        return new WireResponse(error.status(), Map.of("Content-Type", CONTENT_TYPE), out.toByteArray());
    }

    static String action(WireRequest request) {
        return form(request).get("Action");
    }

    private static QueryForm form(WireRequest request) {
        return QueryForm.parse(request.rawQuery(), new String(request.body(), StandardCharsets.UTF_8));
    }
}
