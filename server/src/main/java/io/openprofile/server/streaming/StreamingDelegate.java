package io.openprofile.server.streaming;

import io.openprofile.server.api.StreamingIngestionApi;
import io.openprofile.server.api.model.StreamingBatch;
import io.openprofile.server.api.model.StreamingBatchResponse;
import io.openprofile.server.api.model.StreamingConnectionCreate;
import io.openprofile.server.api.model.StreamingMessage;
import io.openprofile.server.api.model.StreamingMessageResult;
import io.openprofile.server.api.model.StreamingResponse;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.tenancy.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Streaming connections and the collection endpoints that take records one message at a time. */
public class StreamingDelegate implements StreamingIngestionApi {

    /** 207 Multi-Status, which the JAX-RS status enum does not list. */
    static final int MULTI_STATUS = 207;

    private final StreamingService streaming;
    private final RequestContext context;

    StreamingDelegate(StreamingService streaming, RequestContext context) {
        this.streaming = streaming;
        this.context = context;
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.StreamingConnection> createStreamingConnection(
            StreamingConnectionCreate request) {
        StreamingConnection inlet = streaming.createConnection(context.tenant(), request.getName(),
                request.getDataSetId(), request.getAuthenticationRequired());
        return RestResponse.status(RestResponse.Status.CREATED, toModel(inlet));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.StreamingConnection> getStreamingConnection(
            String connectionId) {
        return RestResponse.ok(toModel(streaming.get(context.tenant(), connectionId)));
    }

    @Override
    public RestResponse<List<io.openprofile.server.api.model.StreamingConnection>> listStreamingConnections() {
        return RestResponse.ok(streaming.list(context.tenant()).stream().map(StreamingDelegate::toModel).toList());
    }

    @Override
    public RestResponse<StreamingResponse> streamRecord(String connectionId, StreamingMessage message,
            Boolean syncValidation) {
        StreamingConnection inlet = streaming.inlet(connectionId);
        StreamingService.Receipt receipt = streaming.ingest(inlet, toMessage(message));
        return RestResponse.ok(new StreamingResponse().inletId(inlet.id()).xactionId(receipt.xactionId())
                .receivedTimeMs(receipt.receivedTimeMs()));
    }

    @Override
    public RestResponse<StreamingBatchResponse> streamRecords(String connectionId, StreamingBatch batch) {
        StreamingConnection inlet = streaming.inlet(connectionId);
        List<StreamingMessageResult> results = new ArrayList<>();
        long received = System.currentTimeMillis();
        for (StreamingMessage message : batch.getMessages()) {
            if (message == null) {
                results.add(new StreamingMessageResult().xactionId(UUID.randomUUID().toString()).status(400)
                        .message("message is null; send an object with header and body.xdmEntity"));
                continue;
            }
            try {
                StreamingService.Receipt receipt = streaming.ingest(inlet, toMessage(message));
                results.add(new StreamingMessageResult().xactionId(receipt.xactionId()).status(200));
            } catch (DomainException e) {
                results.add(new StreamingMessageResult().xactionId(UUID.randomUUID().toString())
                        .status(e.kind().status()).message(e.getMessage()));
            }
        }
        StreamingBatchResponse response = new StreamingBatchResponse().inletId(inlet.id())
                .batchId(UUID.randomUUID().toString()).receivedTimeMs(received).responses(results);
        return RestResponse.ResponseBuilder.<StreamingBatchResponse>create(MULTI_STATUS).entity(response).build();
    }

    private static StreamingService.Message toMessage(StreamingMessage message) {
        String datasetId = message.getHeader() == null ? null : message.getHeader().getDatasetId();
        String orgId = message.getHeader() == null ? null : message.getHeader().getImsOrgId();
        return new StreamingService.Message(datasetId, orgId,
                message.getBody() == null ? null : message.getBody().getXdmEntity());
    }

    private static io.openprofile.server.api.model.StreamingConnection toModel(StreamingConnection inlet) {
        return new io.openprofile.server.api.model.StreamingConnection()
                .id(inlet.id())
                .name(inlet.name())
                .dataSetId(inlet.datasetId())
                .authenticationRequired(inlet.authenticationRequired())
                .inletUrl("/collection/" + inlet.id())
                .createdAt(inlet.createdAt());
    }
}
