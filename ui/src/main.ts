import { createApp } from 'vue'
// Element Plus is imported on demand (unplugin-vue-components, see vite.config.ts). The services
// called from script — ElMessage, ElMessageBox — need their CSS here: no template names them.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './style.css'
import App from './App.vue'

createApp(App).mount('#app')
