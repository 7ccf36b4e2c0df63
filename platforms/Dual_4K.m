// XRBench hardware configuration Dual_4K (hw_configs/Dual_4K.m of XRBench-MLSys2023,
// MIT License (c) 2023 XRBench), written out again in Terastal's layout: two engines of
// 2048 PEs, NoC bandwidth 128 words/cycle, 2 MiB global buffer, 8 KiB per PE.

Accelerator Acc0_2K {
	num_pes: 2048
	offchip_bw: 128
	top_noc_bw: 128
	top_noc_latency: 1
	top_noc_multicast: True
	col_noc_bw: 128
	col_noc_latency: 1
	col_noc_multicast: True
	global_shared_memory: 2097152 // bytes
	PE_local_memory: 8192 // bytes
}

Accelerator Acc1_2K {
	num_pes: 2048
	offchip_bw: 128
	top_noc_bw: 128
	top_noc_latency: 1
	top_noc_multicast: True
	col_noc_bw: 128
	col_noc_latency: 1
	col_noc_multicast: True
	global_shared_memory: 2097152 // bytes
	PE_local_memory: 8192 // bytes
}
