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
 * The EC2 query protocol: a form like awsQuery's but with every list flattened
 * ({@code Filter.1.Value.1}); answers {@code <OpResponse><requestId/>members...</OpResponse>}
 * with lowerCamel member names and {@code item} list elements, no Result wrapper; errors
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 * Only EC2 speaks it, so it serves the service signed as {@code ec2}.
 */
final class Ec2QueryProtocol implements WireProtocol {

    static final String SIGNING_NAME = "ec2";

    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";
    private static final XmlFactory XML = new XmlFactory();
    private static final ShapeWriter WRITER = new XmlShapeWriter();

    /** EC2's query: a form on {@code /}, signed for {@code ec2}. */
    @Override
    public boolean shapes(WireRequest request) {
        return "/".equals(request.rawPath()) && request.signingService().filter(SIGNING_NAME::equals).isPresent();
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        if (!shapes(request)) {
            return Optional.empty();
        }
        String action = form(request).get("Action");
        return services.bySigningName(SIGNING_NAME).filter(service -> action != null)
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
            // No namespace: the XML writer would put its generated prefix on every element (wstxns1:item),
            // which the JavaScript SDK's parser (the CDK CLI's) does not strip, so it reads nothing.
            gen.setNextName(new QName(operation.name() + "Response"));
            gen.writeStartObject();
            gen.writeStringField("requestId", UUID.randomUUID().toString());
            WRITER.members(gen, response);
            gen.writeEndObject();
        }
        return new WireResponse(200, Map.of("Content-Type", CONTENT_TYPE), out.toByteArray());
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = XML.createGenerator(out)) {
            gen.setNextName(new QName("Response"));
            gen.writeStartObject();
            gen.writeFieldName("Errors");
            gen.writeStartObject();
            gen.writeFieldName("Error");
            gen.writeStartObject();
            gen.writeStringField("Code", error.code());
            gen.writeStringField("Message", error.message());
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeStringField("RequestID", UUID.randomUUID().toString());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
        return new WireResponse(error.status(), Map.of("Content-Type", CONTENT_TYPE), out.toByteArray());
    }

    private static QueryForm form(WireRequest request) {
        return QueryForm.parseEc2(request.rawQuery(), new String(request.body(), StandardCharsets.UTF_8));
    }
}
