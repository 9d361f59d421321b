// Test classes run one after another. The real-client tests start Jupyter's Python client, which picks free
// ports, closes them and has our kernel bind them seconds later; tests running beside it bind ports of their
// own all the while and could take one in between. Serving several kernels at once also left each with a
// share of a thread pool that jupyter_client's one-second heartbeat deadline does not wait for.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
