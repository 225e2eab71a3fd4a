-- The rollup functions' statements read arrays of whole rows, which tell the planner nothing.
-- Planned afresh for each call (the custom plans PL/pgSQL kept choosing for them), the subtask
-- trigger cost 1.2 to 1.5 ms of server time at every claim and every completion, nearly all of it
-- planning. One generic plan per connection now serves every call, at about 0.3 ms.
-- A later CREATE OR REPLACE of these functions must repeat the setting.
ALTER FUNCTION apply_subtask_rollups("Subtask"[], "Subtask"[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION apply_task_rollups("Task"[], "Task"[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION apply_agent_process_rollups("AgentProcess"[], "AgentProcess"[]) SET plan_cache_mode = force_generic_plan;
