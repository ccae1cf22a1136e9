"""Scale-out on engines that exist: OpenAI's Batch API (openai_batch) and Ray (ray_batch, optional extra)."""
